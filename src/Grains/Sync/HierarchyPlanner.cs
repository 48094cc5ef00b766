using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Sync;

/// <summary>
/// Compares a ShotGrid project with its AYON project and decides what to create (and, in override mode, update).
/// Pure: the same input always gives the same plan, which is what makes a second run create nothing.
/// Walks the tree breadth-first from the project root so every parent is created before its children.
/// </summary>
public static class HierarchyPlanner
{
    private static readonly string[] TypeOrder =
        [SyncEntityTypes.Episode, SyncEntityTypes.Sequence, SyncEntityTypes.Scene, SyncEntityTypes.Shot, SyncEntityTypes.AssetCategory, SyncEntityTypes.Asset, SyncEntityTypes.Task];

    public static SyncPlan Plan(SyncPlanInput input)
    {
        var nodes = BuildNodes(input.Items);
        var existing = ExistingEntities.From(input.Folders, input.Tasks);
        var issues = new List<SyncIssue>();
        var creates = new List<PlannedCreate>();
        var updates = new List<PlannedUpdate>();
        var alreadyPresent = 0;

        // Resolved AYON id per node key, for children to point at.
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var children = nodes.Values
            .Where(n => n.ParentKey is not null)
            .GroupBy(n => n.ParentKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(Order).ToList(), StringComparer.Ordinal);

        // Roots: nodes under the project, and nodes whose parent is no longer in ShotGrid but still in AYON.
        foreach (var parentKey in children.Keys.Where(k => !nodes.ContainsKey(k) && existing.ByKey.ContainsKey(k)))
        {
            resolved[parentKey] = existing.ByKey[parentKey].Id;
        }

        var queue = new Queue<Node>(nodes.Values
            .Where(n => n.ParentKey is null || (!nodes.ContainsKey(n.ParentKey) && resolved.ContainsKey(n.ParentKey)))
            .OrderBy(Order));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            visited.Add(node.Key);
            if (node.SkipReason is not null)
            {
                issues.Add(Issue(SyncIssueKinds.Skipped, node, node.SkipReason));
                SkipDescendants(node, children, visited, issues, $"its parent {node.Describe()} was skipped");
                continue;
            }

            var parentAyonId = node.ParentKey is null ? null : resolved[node.ParentKey];
            if (existing.ByKey.TryGetValue(node.Key, out var found))
            {
                alreadyPresent++;
                resolved[node.Key] = found.Id;
                if (input.OverrideDifferences && Differences(node, found, input) is { } patch)
                {
                    updates.Add(new PlannedUpdate(node.Key, node.AyonEntityType, found.Id, patch, node.SgType, node.SgId, found.Name, IsLink: false));
                }
            }
            else if (!TryPlaceNew(node, parentAyonId, input, existing, resolved, creates, updates, issues, ref alreadyPresent))
            {
                SkipDescendants(node, children, visited, issues, $"its parent {node.Describe()} was not created");
                continue;
            }

            if (children.TryGetValue(node.Key, out var kids))
            {
                foreach (var kid in kids)
                {
                    queue.Enqueue(kid);
                }
            }
        }

        // Whatever was never reached hangs under a parent that is not part of this project.
        foreach (var orphan in nodes.Values.Where(n => !visited.Contains(n.Key)).OrderBy(Order))
        {
            issues.Add(Issue(SyncIssueKinds.Skipped, orphan, $"its parent {orphan.ParentKey} is not in this ShotGrid project (retired, or of a type that is not synced)"));
        }

        return new SyncPlan(nodes.Count, alreadyPresent, creates, updates, issues);
    }

    private static bool TryPlaceNew(
        Node node, string? parentAyonId, SyncPlanInput input, ExistingEntities existing,
        Dictionary<string, string> resolved, List<PlannedCreate> creates, List<PlannedUpdate> updates,
        List<SyncIssue> issues, ref int alreadyPresent)
    {
        var siblings = existing.NamesUnder(node.AyonEntityType, parentAyonId);
        var baseName = node.Name;

        // An entity made in AYON by hand with the same name and no ShotGrid link is the same thing: link it.
        if (siblings.TryGetValue(baseName, out var holder) && holder.Key is null && holder.Entity is { } unlinked && holder.TypeMatches(node))
        {
            var link = new JsonObject { ["attrib"] = LinkAttrib(node) };
            updates.Add(new PlannedUpdate(node.Key, node.AyonEntityType, unlinked.Id, link, node.SgType, node.SgId, unlinked.Name, IsLink: true));
            siblings[baseName] = holder with { Key = node.Key };
            resolved[node.Key] = unlinked.Id;
            alreadyPresent++;
            issues.Add(Issue(SyncIssueKinds.Linked, node, $"AYON {node.AyonEntityType} '{unlinked.Name}' existed without a ShotGrid link; linked it"));
            return true;
        }

        var name = baseName;
        if (siblings.ContainsKey(name))
        {
            var owner = siblings[name].Describe();
            if (input.DuplicatePolicy == DuplicateNamePolicy.Skip)
            {
                issues.Add(Issue(SyncIssueKinds.Skipped, node, $"name '{name}' is already used by {owner} under the same parent (duplicate policy: skip)"));
                return false;
            }

            name = $"{baseName}_sg{node.SgId}";
            if (siblings.ContainsKey(name))
            {
                issues.Add(Issue(SyncIssueKinds.Skipped, node, $"names '{baseName}' and '{name}' are both taken under the same parent"));
                return false;
            }

            issues.Add(Issue(SyncIssueKinds.Renamed, node, $"name '{baseName}' is already used by {owner} under the same parent; created as '{name}'"));
        }

        var id = input.NewId(node.Key);
        siblings[name] = new NameHolder(node.Key, null, node.AyonFolderType);
        resolved[node.Key] = id;

        var label = AyonNames.Label(node.Label);
        if (label != node.Label)
        {
            issues.Add(Issue(SyncIssueKinds.Adjusted, node, $"label '{node.Label}' contains characters AYON refuses in labels (' or ;); stored as '{label}'"));
        }

        var data = CreateData.For(node, name, label, parentAyonId, input.Statuses, input.TaskTypes, input.DefaultTaskType);
        creates.Add(new PlannedCreate(node.Key, node.AyonEntityType, id, node.ParentKey, data, node.SgType, node.SgId, name));
        return true;
    }

    private static JsonObject? Differences(Node node, ExistingEntity found, SyncPlanInput input)
    {
        var patch = new JsonObject();
        var label = AyonNames.Label(node.Label);
        if (!string.Equals(found.Label ?? found.Name, label, StringComparison.Ordinal))
        {
            patch["label"] = label;
        }

        if (input.Statuses.For(node.Status, node.AyonEntityType) is { } status && !string.Equals(found.Status, status, StringComparison.Ordinal))
        {
            patch["status"] = status;
        }

        if (node.AyonEntityType == "task" && TaskTypeFor(node, input) is var taskType && !string.Equals(found.Type, taskType, StringComparison.Ordinal))
        {
            patch["taskType"] = taskType;
        }

        return patch.Count > 0 ? patch : null;
    }

    private static string TaskTypeFor(Node node, SyncPlanInput input) => CreateData.TaskType(node, input.TaskTypes, input.DefaultTaskType);

    private static JsonObject LinkAttrib(Node node) => CreateData.LinkAttrib(node);

    private static void SkipDescendants(Node node, Dictionary<string, List<Node>> children, HashSet<string> visited, List<SyncIssue> issues, string reason)
    {
        if (!children.TryGetValue(node.Key, out var kids))
        {
            return;
        }

        foreach (var kid in kids)
        {
            visited.Add(kid.Key);
            issues.Add(Issue(SyncIssueKinds.Skipped, kid, reason));
            SkipDescendants(kid, children, visited, issues, $"its parent {kid.Describe()} was skipped");
        }
    }

    private static SyncIssue Issue(string kind, Node node, string reason) => new(kind, node.SgType, node.SgId, node.Label, reason);

    private static (int, long, string) Order(Node n) => (Array.IndexOf(TypeOrder, n.SgType), n.SgId, n.Name);

    private static Dictionary<string, Node> BuildNodes(IReadOnlyList<SgItem> items)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            nodes[item.Key] = Node.FromItem(item);
        }

        foreach (var type in items.Where(i => i.Type == SyncEntityTypes.Asset && !string.IsNullOrWhiteSpace(i.AssetType)).Select(i => i.AssetType!).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var category = Node.Category(type);
            nodes.TryAdd(category.Key, category);
        }

        return nodes;
    }
}
