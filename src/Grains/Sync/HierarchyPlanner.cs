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
                if (input.OverrideDifferences && Differences(node, found, parentAyonId, input, existing, issues) is { } update)
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

        creates.Add(new PlannedCreate(
            node.Key, node.AyonEntityType, id, node.ParentKey,
            () => CreateData.For(node, name, label, parentAyonId, input.Statuses, input.TaskTypes, input.DefaultTaskType, input.Users),
            node.SgType, node.SgId, name));
        return true;
    }

    /// <summary>
    /// Override mode: what of a linked entity differs from ShotGrid. The AYON name is never touched (paths and published
    /// files depend on it). What AYON could not take (a status it does not allow, a move into a taken name) is a conflict.
    /// </summary>
    private static PlannedUpdate? Differences(Node node, ExistingEntity found, string? parentAyonId, SyncPlanInput input, ExistingEntities existing, List<SyncIssue> issues)
    {
        var patch = new JsonObject();
        var changes = new List<SyncChange>();
        void Set(string field, string? oldValue, string? newValue, Action write)
        {
            write();
            changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, field, oldValue, newValue));
        }

        var label = AyonNames.Label(node.Label);
        if (!string.Equals(found.Label ?? found.Name, label, StringComparison.Ordinal))
        {
            Set(SyncChangeFields.Label, found.Label, label, () => patch["label"] = label);
        }

        if (!string.IsNullOrEmpty(node.Status))
        {
            if (input.Statuses.For(node.Status, node.AyonEntityType) is { } status)
            {
                if (!string.Equals(found.Status, status, StringComparison.Ordinal))
                {
                    Set(SyncChangeFields.Status, found.Status, status, () => patch["status"] = status);
                }
            }
            else
            {
                issues.Add(Issue(SyncIssueKinds.Conflict, node, input.Statuses.WhyNot(node.Status, node.AyonEntityType) + $"; AYON status '{found.Status}' left as it is"));
            }
        }

        if (node.AyonEntityType == "task" && TaskTypeFor(node, input) is var taskType && !string.Equals(found.Type, taskType, StringComparison.Ordinal))
        {
            Set(SyncChangeFields.TaskType, found.Type, taskType, () => patch["taskType"] = taskType);
        }

        AttribDifferences(node, found, input, patch, changes);
        ListDifferences(node, found, input, patch, changes);
        ParentDifference(node, found, parentAyonId, existing, issues, patch, changes);
        return patch.Count > 0 ? new PlannedUpdate(node.Key, node.AyonEntityType, found.Id, patch, node.SgType, node.SgId, found.Name, IsLink: false, changes) : null;
    }

    private static void AttribDifferences(Node node, ExistingEntity found, SyncPlanInput input, JsonObject patch, List<SyncChange> changes)
    {
        if (node.Attrib is not { Count: > 0 } wanted)
        {
            return;
        }

        var attrib = new JsonObject();
        foreach (var (name, value) in wanted.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var type = input.Attributes?.TypeOf(name) ?? "string";
            var current = found.Attrib.TryGetValue(name, out var v) ? v : null;
            if (!ResolvedAttributeMap.SameValue(current, value, type))
            {
                attrib[name] = value.DeepClone();
                changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.AttribPrefix + name, current, ResolvedAttributeMap.Text(value)));
            }
        }

        if (attrib.Count > 0)
        {
            patch["attrib"] = attrib;
        }
    }

    /// <summary>
    /// Tags follow ShotGrid exactly. Assignees follow ShotGrid for the users linked to ShotGrid; AYON users no HumanUser
    /// stands for (assigned in AYON) stay, since ShotGrid cannot say anything about them.
    /// </summary>
    private static void ListDifferences(Node node, ExistingEntity found, SyncPlanInput input, JsonObject patch, List<SyncChange> changes)
    {
        if (node.Tags is { } tags && found.Tags is { } currentTags && !UserMap.SameSet(currentTags, tags))
        {
            patch["tags"] = CreateData.Strings(tags);
            changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.Tags, string.Join(", ", currentTags), string.Join(", ", tags)));
        }

        if (node.AyonEntityType == "task" && node.Assignees is { } assignees && input.Users is { } users && found.Assignees is { } current)
        {
            var wanted = users.Wanted(current, users.Resolve(assignees, _ => { }));
            if (!UserMap.SameSet(current, wanted))
            {
                patch["assignees"] = CreateData.Strings(wanted);
                changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.Assignees, string.Join(", ", current), string.Join(", ", wanted)));
            }
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

    /// <summary>A ShotGrid parent change (a shot moved to another sequence, an asset to another type) moves the AYON entity, unless its name is taken there.</summary>
    private static void ParentDifference(Node node, ExistingEntity found, string? parentAyonId, ExistingEntities existing, List<SyncIssue> issues, JsonObject patch, List<SyncChange> changes)
    {
        if (string.Equals(found.ParentId, parentAyonId, StringComparison.Ordinal) || (node.AyonEntityType == "task" && parentAyonId is null))
        {
            return;
        }

        var target = existing.NamesUnder(found.EntityType, parentAyonId);
        if (target.TryGetValue(found.Name, out var holder) && holder.Entity?.Id != found.Id)
        {
            issues.Add(Issue(SyncIssueKinds.Conflict, node, $"moved in ShotGrid, but its AYON name '{found.Name}' is already used by {holder.Describe()} under the new parent; left where it is"));
            return;
        }

        var source = existing.NamesUnder(found.EntityType, found.ParentId);
        if (source.TryGetValue(found.Name, out var mine) && mine.Entity?.Id == found.Id)
        {
            source.Remove(found.Name);
        }

        target[found.Name] = new NameHolder(node.Key, found, found.Type);
        patch[node.AyonEntityType == "task" ? "folderId" : "parentId"] = parentAyonId;
        changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.Parent, found.ParentId, parentAyonId));
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

        return nodes;
    }
}
