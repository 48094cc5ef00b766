using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Tests.Unit;

/// <summary>
/// A full sync plans its tasks a range at a time as ShotGrid's id ranges arrive (issue 20). Fed in id order, the ranges
/// must give exactly the plan of the whole project at once: the same creates with the same names, the same issues.
/// </summary>
public sealed class TaskRangePlanningTests
{
    private static readonly SgItem Sequence = new("Sequence", 10, "sq010", null, null, null, null);
    private static readonly SgItem Shot = new("Shot", 20, "sh010", new SgEntityRef("Sequence", 10), null, null, null);
    private static readonly SgItem Skipped = new("Shot", 21, "sh020", new SgEntityRef("Sequence", 10), null, null, null, Problem: "Shot 21: broken");

    [Fact]
    public void TasksPlannedRangeByRangeInIdOrderGiveTheWholeProjectsPlan()
    {
        // Two tasks of one shot share a name, a range apart: the lower id keeps it, the other is suffixed, as at once.
        List<SgItem> tasks =
        [
            Task(100, "anim", Shot), Task(101, "comp", Shot), Task(102, "fx", Skipped),
            Task(103, "layout", new SgEntityRef("Shot", 99)), Task(104, "ANIM", Shot), Task(105, "light", Sequence),
        ];
        var input = Input([Sequence, Shot, Skipped, .. tasks]);

        var whole = HierarchyPlanner.Plan(input);

        var stage = HierarchyPlanner.PlanFolders(input);
        var planner = stage.Tasks(keepRanges: true);
        var ranges = tasks.Chunk(2).Select(range => planner.Plan(range, null)).ToList();
        var joined = planner.WholePlan;

        Assert.Equal(Describe(whole.Creates), Describe(joined.Creates));
        Assert.Equal(whole.Issues.Select(Text).Order(), joined.Issues.Select(Text).Order());
        Assert.Equal((whole.Total, whole.AlreadyPresent, whole.Skipped, whole.Unreadable), (joined.Total, joined.AlreadyPresent, joined.Skipped, joined.Unreadable));
        Assert.Contains(joined.Creates, c => c is { SgId: 104, Name: "ANIM_sg104" });
        Assert.Contains(joined.Issues, i => i.EntityId == 102 && i.Reason.Contains("Shot 21", StringComparison.Ordinal));
        Assert.Contains(joined.Issues, i => i.EntityId == 103 && i.Reason.Contains("Shot:99", StringComparison.Ordinal));
        Assert.Equal(tasks.Count, ranges.Sum(r => r.Total));
    }

    [Fact]
    public void ATaskReadTwiceIsPlannedOnce()
    {
        var input = Input([Sequence, Shot]);
        var planner = HierarchyPlanner.PlanFolders(input).Tasks(keepRanges: true);

        planner.Plan([Task(100, "anim", Shot), Task(101, "comp", Shot)], null);
        var again = planner.Plan([Task(101, "comp", Shot), Task(102, "fx", Shot)], null);

        Assert.Equal(["Task:102"], again.Creates.Select(c => c.Key));
        Assert.Equal(1, again.Total);
    }

    private static SgItem Task(long id, string name, SgItem parent) => Task(id, name, new SgEntityRef(parent.Type, parent.Id));

    private static SgItem Task(long id, string name, SgEntityRef parent) => new("Task", id, name, parent, null, "Animation", null);

    private static SyncPlanInput Input(IReadOnlyList<SgItem> items) => new(
        items, [], [], StatusMap.Empty, new HashSet<string> { "Animation" }, "Generic", DuplicateNamePolicy.Suffix, false,
        key => AyonIds.For("site", "p", key));

    private static List<string> Describe(IEnumerable<PlannedCreate> creates) =>
        [.. creates.Select(c => $"{c.Key} {c.Name} {c.AyonId} {c.ParentKey} {c.Data.ToJsonString()}").Order()];

    private static string Text(SyncIssue i) => $"{i.Kind} {i.EntityType} {i.EntityId} {i.Reason}";
}
