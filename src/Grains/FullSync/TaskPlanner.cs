using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Plans tasks under planned folders (<see cref="FolderStage"/>), a range at a time: tasks are leaves, so a task's plan
/// needs only its folder's and the names already taken under it. Ranges are to come in id order, as ShotGrid reads
/// them, so of two tasks with the same name under one folder the lower id keeps the name, as in the whole plan.
/// </summary>
public sealed class TaskPlanner
{
    private readonly FolderStage _folders;
    private readonly NodePlanning _planning;
    private readonly List<SyncPlan> _ranges = [];
    private long _lastId;
    private int _withoutId;

    /// <param name="keepRanges">Keep every range's plan for <see cref="WholePlan"/> (a dry run, the whole-project planner);
    /// a full sync writes each range's creates and lets them go.</param>
    internal TaskPlanner(FolderStage folders, bool keepRanges)
    {
        _folders = folders;
        _planning = folders.Planning;
        KeepRanges = keepRanges;
    }

    public bool KeepRanges { get; }

    /// <summary>The folders' plan and every range's so far, as one plan.</summary>
    public SyncPlan WholePlan => SyncPlans.Join([_folders.Plan, .. _ranges]);

    /// <summary>
    /// Plans the next tasks read (in id order, after those planned before; one read again is left out). The plan's
    /// total counts these tasks; its issues are theirs.
    /// </summary>
    public SyncPlan Plan(IReadOnlyList<SgItem> tasks, UserMap? users)
    {
        var nodes = new List<Node>(tasks.Count);
        foreach (var item in tasks)
        {
            if (item.Id <= 0)
            {
                // Records whose id was not an id all read as 0: each keeps a key of its own so each is reported.
                nodes.Add(Node.FromItem(item) with { Key = $"{item.Key}#{++_withoutId}" });
            }
            else if (item.Id > _lastId)
            {
                _lastId = item.Id;
                nodes.Add(Node.FromItem(item));
            }
        }

        return PlanNodes(nodes, users);
    }

    internal SyncPlan PlanNodes(IReadOnlyList<Node> nodes, UserMap? users)
    {
        foreach (var node in nodes)
        {
            PlanTask(node, users);
        }

        var plan = _planning.TakePlan(nodes.Count);
        if (KeepRanges)
        {
            _ranges.Add(plan);
        }

        return plan;
    }

    internal static string OrphanReason(Node node) =>
        $"its parent {node.ParentKey} is not in this ShotGrid project (retired, or of a type that is not synced)";

    private void PlanTask(Node task, UserMap? users)
    {
        string? parentAyonId = null;
        if (task.ParentKey is { } parent)
        {
            if (_folders.Resolved.TryGetValue(parent, out var folderId))
            {
                parentAyonId = folderId;
            }
            else if (_folders.ChildSkipReasons.TryGetValue(parent, out var reason))
            {
                _planning.Issue(SyncIssueKinds.Skipped, task, reason);
                return;
            }
            else if (!_folders.IsFolder(parent) && _planning.Existing.ByKey.TryGetValue(parent, out var stillInAyon))
            {
                // Its folder is no longer in ShotGrid but still in AYON: the task goes under it there.
                parentAyonId = stillInAyon.Id;
            }
            else
            {
                _planning.Issue(SyncIssueKinds.Skipped, task, OrphanReason(task));
                return;
            }
        }

        if (task.Unreadable is not null)
        {
            // ShotGrid answered this entity with a field of the wrong type: an error to fix there, not a choice we made.
            _planning.Issue(SyncIssueKinds.Failed, task, task.Unreadable);
        }
        else if (task.SkipReason is not null)
        {
            _planning.Issue(SyncIssueKinds.Skipped, task, task.SkipReason);
        }
        else
        {
            _planning.PlanReached(task, parentAyonId, users);
        }
    }
}
