using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Compares a ShotGrid project with its AYON project and decides what to create (and, in override mode, update).
/// Pure: the same input always gives the same plan, which is what makes a second run create nothing.
/// Walks the folders breadth-first from the project root so every parent is created before its children; tasks (leaves,
/// four of five entities) are then planned under their folders by a <see cref="TaskPlanner"/>, which a full sync also
/// feeds one id range at a time while later ranges are still read.
/// </summary>
public static class HierarchyPlanner
{
    private static readonly string[] TypeOrder =
        [SyncEntityTypes.HierarchyGroup, SyncEntityTypes.Episode, SyncEntityTypes.Sequence, SyncEntityTypes.Scene, SyncEntityTypes.Shot, SyncEntityTypes.AssetCategory, SyncEntityTypes.Asset, SyncEntityTypes.Task];

    /// <summary>The whole project at once: the folders' plan and then every task's, as one plan.</summary>
    public static SyncPlan Plan(SyncPlanInput input)
    {
        var tasks = PlanFolders(input).Tasks(keepRanges: true);

        // One node per key (an entity listed twice is one entity: the last listing wins), in the order siblings are
        // named in: by id.
        var taskNodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var withoutId = 0;
        foreach (var item in input.Items.Where(i => i.Type == SyncEntityTypes.Task))
        {
            var key = item.Id > 0 ? item.Key : $"{item.Key}#{++withoutId}";
            taskNodes[key] = Node.FromItem(item) with { Key = key };
        }

        tasks.PlanNodes([.. taskNodes.Values.OrderBy(Order)], input.Users);
        return tasks.WholePlan;
    }

    /// <summary>
    /// The folders of <see cref="SyncPlanInput.Items"/> (tasks there are left out), against AYON's folders and tasks. Its
    /// <see cref="FolderStage.Plan"/> is final for the folders; <see cref="FolderStage.Tasks"/> plans the tasks under them.
    /// </summary>
    public static FolderStage PlanFolders(SyncPlanInput input)
    {
        var nodes = BuildNodes(input.Items.Where(i => i.Type != SyncEntityTypes.Task), input.Rules.Preset);
        var existing = ExistingEntities.From(input.Folders, input.Tasks);
        var planning = new NodePlanning(input, existing);
        var stage = new FolderStage(planning, nodes.Keys);

        var children = nodes.Values
            .Where(n => n.ParentKey is not null)
            .GroupBy(n => n.ParentKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(Order).ToList(), StringComparer.Ordinal);

        // Roots: nodes under the project, and nodes whose parent is no longer in ShotGrid but still in AYON.
        var queue = new Queue<Node>(nodes.Values
            .Where(n => n.ParentKey is null || (!nodes.ContainsKey(n.ParentKey) && existing.ByKey.ContainsKey(n.ParentKey)))
            .OrderBy(Order));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            visited.Add(node.Key);
            if (node.Unreadable is not null)
            {
                // ShotGrid answered this entity with a field of the wrong type: an error to fix there, not a choice we made.
                planning.Issue(SyncIssueKinds.Failed, node, node.Unreadable);
                SkipDescendants(node, children, visited, stage, $"its parent {node.Describe()} could not be read from ShotGrid");
                continue;
            }

            if (node.SkipReason is not null)
            {
                planning.Issue(SyncIssueKinds.Skipped, node, node.SkipReason);
                SkipDescendants(node, children, visited, stage, $"its parent {node.Describe()} was skipped");
                continue;
            }

            var parentAyonId = node.ParentKey is null ? null : stage.AyonIdOf(node.ParentKey);
            if (planning.PlanReached(node, parentAyonId, input.Users) is not { } ayonId)
            {
                SkipDescendants(node, children, visited, stage, $"its parent {node.Describe()} was not created");
                continue;
            }

            stage.Resolved[node.Key] = ayonId;
            foreach (var kid in children.GetValueOrDefault(node.Key) ?? [])
            {
                queue.Enqueue(kid);
            }
        }

        foreach (var (holder, other) in existing.SharedLinks)
        {
            var (sgType, sgId) = SplitKey(holder.Key!);
            planning.Issues.Add(new SyncIssue(SyncIssueKinds.Conflict, sgType, sgId, holder.Name,
                $"AYON {other.EntityType} '{other.Name}' ({other.Id}) carries the same ShotGrid link as '{holder.Name}' ({holder.Id}); only '{holder.Name}' is synced, the other is left as it is"));
        }

        // Whatever was never reached hangs under a parent that is not part of this project.
        foreach (var orphan in nodes.Values.Where(n => !visited.Contains(n.Key)).OrderBy(Order))
        {
            planning.Issue(SyncIssueKinds.Skipped, orphan, TaskPlanner.OrphanReason(orphan));
        }

        stage.Seal();
        return stage;
    }

    private static (string Type, long Id) SplitKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..colon], long.TryParse(key[(colon + 1)..], out var id) ? id : 0);
    }

    /// <summary>Skips a node's descendants, and notes why, for the tasks under it (planned later, by the task stage).</summary>
    private static void SkipDescendants(Node node, Dictionary<string, List<Node>> children, HashSet<string> visited, FolderStage stage, string reason)
    {
        stage.ChildSkipReasons[node.Key] = reason;
        foreach (var kid in children.GetValueOrDefault(node.Key) ?? [])
        {
            visited.Add(kid.Key);
            stage.Planning.Issue(SyncIssueKinds.Skipped, kid, reason);
            SkipDescendants(kid, children, visited, stage, $"its parent {kid.Describe()} was skipped");
        }
    }

    internal static (int, long, string) Order(Node n) => (Array.IndexOf(TypeOrder, n.SgType), n.SgId, n.Name);

    private static Dictionary<string, Node> BuildNodes(IEnumerable<SgItem> items, HierarchyPreset preset)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var withoutId = 0;
        var assetTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            // Records whose id was not an id all read as 0: each keeps a key of its own so each is reported.
            var node = Node.FromItem(item);
            nodes[item.Id > 0 ? item.Key : $"{item.Key}#{++withoutId}"] = item.Id > 0 ? node : node with { Key = $"{item.Key}#{withoutId}" };
            if (item.Type == SyncEntityTypes.Asset && !string.IsNullOrWhiteSpace(item.AssetType) && assetTypes.Add(item.AssetType))
            {
                var category = Node.Category(item.AssetType);
                nodes.TryAdd(category.Key, category);
            }
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
