using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Compares a ShotGrid project with its AYON project and decides what to create (and, in override mode, update).
/// Pure: the same input always gives the same plan, which is what makes a second run create nothing.
/// Walks the tree breadth-first from the project root so every parent is created before its children.
/// </summary>
public static class HierarchyPlanner
{
    private static readonly string[] TypeOrder =
        [SyncEntityTypes.HierarchyGroup, SyncEntityTypes.Episode, SyncEntityTypes.Sequence, SyncEntityTypes.Scene, SyncEntityTypes.Shot, SyncEntityTypes.AssetCategory, SyncEntityTypes.Asset, SyncEntityTypes.Task];

    public static SyncPlan Plan(SyncPlanInput input)
    {
        var nodes = BuildNodes(input.Items, input.Rules.Preset);
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
            if (node.Unreadable is not null)
            {
                // ShotGrid answered this entity with a field of the wrong type: an error to fix there, not a choice we made.
                issues.Add(Issue(SyncIssueKinds.Failed, node, node.Unreadable));
                SkipDescendants(node, children, visited, issues, $"its parent {node.Describe()} could not be read from ShotGrid");
                continue;
            }

            if (node.SkipReason is not null)
            {
                issues.Add(Issue(SyncIssueKinds.Skipped, node, node.SkipReason));
                SkipDescendants(node, children, visited, issues, $"its parent {node.Describe()} was skipped");
                continue;
            }

            var parentAyonId = node.ParentKey is null ? null : resolved[node.ParentKey];
            var isLinked = existing.ByKey.TryGetValue(node.Key, out var found);
            if (!isLinked || input.OverrideDifferences)
            {
                ReportUnfit(node, issues);
                ReportUnresolvedAssignees(node, input.Users, issues);
            }

            if (isLinked && found is not null)
            {
                alreadyPresent++;
                resolved[node.Key] = found.Id;
                if (input.OverrideDifferences && EntityMapping.Differences(node, found, parentAyonId, input.Rules, existing, issues) is { } update)
                {
                    updates.Add(update);
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

        foreach (var (holder, other) in existing.SharedLinks)
        {
            var (sgType, sgId) = SplitKey(holder.Key!);
            issues.Add(new SyncIssue(SyncIssueKinds.Conflict, sgType, sgId, holder.Name,
                $"AYON {other.EntityType} '{other.Name}' ({other.Id}) carries the same ShotGrid link as '{holder.Name}' ({holder.Id}); only '{holder.Name}' is synced, the other is left as it is"));
        }

        // Whatever was never reached hangs under a parent that is not part of this project.
        foreach (var orphan in nodes.Values.Where(n => !visited.Contains(n.Key)).OrderBy(Order))
        {
            issues.Add(Issue(SyncIssueKinds.Skipped, orphan, $"its parent {orphan.ParentKey} is not in this ShotGrid project (retired, or of a type that is not synced)"));
        }

        return new SyncPlan(nodes.Count, alreadyPresent, creates, updates, issues);
    }

    /// <summary>Places a node AYON does not have yet, by <see cref="EntityMapping.Place"/>; false when it is not created.</summary>
    private static bool TryPlaceNew(
        Node node, string? parentAyonId, SyncPlanInput input, ExistingEntities existing,
        Dictionary<string, string> resolved, List<PlannedCreate> creates, List<PlannedUpdate> updates,
        List<SyncIssue> issues, ref int alreadyPresent)
    {
        var siblings = existing.NamesUnder(node.AyonEntityType, parentAyonId);
        var rules = input.Rules;
        switch (EntityMapping.Place(node, siblings.GetValueOrDefault, rules.DuplicatePolicy))
        {
            case Placement.Link { Existing: var unlinked }:
                updates.Add(new PlannedUpdate(node.Key, node.AyonEntityType, unlinked.AyonId, EntityMapping.LinkData(node), node.SgType, node.SgId, unlinked.Name, IsLink: true));
                siblings[node.Name] = unlinked with { Key = node.Key };
                resolved[node.Key] = unlinked.AyonId;
                alreadyPresent++;
                issues.Add(Issue(SyncIssueKinds.Linked, node, $"AYON {node.AyonEntityType} '{unlinked.Name}' existed without a ShotGrid link; linked it"));
                return true;
            case Placement.Skip { Reason: var reason }:
                issues.Add(Issue(SyncIssueKinds.Skipped, node, reason));
                return false;
            case Placement.Create { Name: var name, RenamedBecause: var renamed }:
                if (renamed is not null)
                {
                    issues.Add(Issue(SyncIssueKinds.Renamed, node, renamed));
                }

                var id = input.NewId(node.Key);
                siblings[name] = new NameHolder(node.Key, id, name, node.AyonEntityType, node.AyonFolderType);
                resolved[node.Key] = id;
                if (EntityMapping.LabelNote(node) is { } note)
                {
                    issues.Add(Issue(SyncIssueKinds.Adjusted, node, note));
                }

                creates.Add(new PlannedCreate(
                    node.Key, node.AyonEntityType, id, node.ParentKey,
                    () => EntityMapping.CreateData(node, name, parentAyonId, rules),
                    node.SgType, node.SgId, name));
                return true;
            default:
                throw new InvalidOperationException("unknown placement");
        }
    }

    /// <summary>ShotGrid assignees with no linked AYON user (or groups) are reported once per task, never created.</summary>
    private static void ReportUnresolvedAssignees(Node node, UserMap? users, List<SyncIssue> issues)
    {
        if (users is not null && node.Assignees is { Count: > 0 } assignees)
        {
            users.Resolve(assignees, reason => issues.Add(Issue(SyncIssueKinds.UnlinkedUser, node, reason)));
        }
    }

    /// <summary>Mapped ShotGrid values that did not fit their AYON attribute are reported once per entity.</summary>
    private static void ReportUnfit(Node node, List<SyncIssue> issues)
    {
        if (node.AttribNotes is not { Count: > 0 } notes)
        {
            return;
        }

        foreach (var note in notes)
        {
            issues.Add(Issue(SyncIssueKinds.Adjusted, node, note));
        }
    }

    private static (string Type, long Id) SplitKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..colon], long.TryParse(key[(colon + 1)..], out var id) ? id : 0);
    }

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

    private static SyncIssue Issue(string kind, Node node, string reason) => EntityMapping.Issue(kind, node, reason);

    private static (int, long, string) Order(Node n) => (Array.IndexOf(TypeOrder, n.SgType), n.SgId, n.Name);

    private static Dictionary<string, Node> BuildNodes(IReadOnlyList<SgItem> items, HierarchyPreset preset)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var withoutId = 0;
        foreach (var item in items)
        {
            // Records whose id was not an id all read as 0: each keeps a key of its own so each is reported.
            var node = Node.FromItem(item);
            nodes[item.Id > 0 ? item.Key : $"{item.Key}#{++withoutId}"] = item.Id > 0 ? node : node with { Key = $"{item.Key}#{withoutId}" };
        }

        foreach (var type in items.Where(i => i.Type == SyncEntityTypes.Asset && !string.IsNullOrWhiteSpace(i.AssetType)).Select(i => i.AssetType!).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var category = Node.Category(type);
            nodes.TryAdd(category.Key, category);
        }

        // The preset's grouping folders, for the top-level nodes that go under one (only the groups something uses).
        foreach (var node in nodes.Values.ToList())
        {
            var arranged = EntityMapping.Arrange(node, preset);
            if (!ReferenceEquals(arranged, node))
            {
                nodes[node.Key] = arranged;
                var group = EntityMapping.GroupOf(node, preset)!;
                nodes.TryAdd(group.Key, group);
            }
        }

        return nodes;
    }
}
