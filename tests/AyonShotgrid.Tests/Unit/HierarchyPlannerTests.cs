using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Tests.Unit;

public sealed class HierarchyPlannerTests
{
    private static readonly SgItem Sequence = new("Sequence", 10, "sq010", null, null, null, "ip");
    private static readonly SgItem ShotA = new("Shot", 20, "sh010", new SgEntityRef("Sequence", 10), null, null, null);
    private static readonly SgItem ShotB = new("Shot", 21, "SH010", new SgEntityRef("Sequence", 10), null, null, null);
    private static readonly SgItem Task = new("Task", 30, "Anim", new SgEntityRef("Shot", 20), null, "Animation", null);

    [Fact]
    public void ParentsArePlannedBeforeTheirChildren()
    {
        var plan = Plan([Task, ShotA, Sequence]);

        Assert.Equal(["Sequence:10", "Shot:20", "Task:30"], plan.Creates.Select(c => c.Key));
        Assert.Equal(plan.Creates[0].AyonId, plan.Creates[1].Data["parentId"]!.GetValue<string>());
        Assert.Equal(plan.Creates[1].AyonId, plan.Creates[2].Data["folderId"]!.GetValue<string>());
        Assert.Equal("Animation", plan.Creates[2].Data["taskType"]!.GetValue<string>());
    }

    [Fact]
    public void TheSkipPolicyCreatesOnlyTheFirstOfTwoSiblingsWithTheSameName()
    {
        var plan = Plan([Sequence, ShotB, ShotA], policy: DuplicateNamePolicy.Skip);

        Assert.Equal(["Sequence:10", "Shot:20"], plan.Creates.Select(c => c.Key));
        var issue = Assert.Single(plan.Issues);
        Assert.Equal((SyncIssueKinds.Skipped, 21L), (issue.Kind, issue.EntityId));
    }

    [Fact]
    public void AnUnlinkedAyonFolderWithTheSameNameIsLinkedInsteadOfDuplicated()
    {
        var handMade = new AyonFolder("f".PadLeft(32, 'a'), "sq010", null, "Sequence", null, null, true, new Dictionary<string, string?>());

        var plan = Plan([Sequence, ShotA], folders: [handMade]);

        var link = Assert.Single(plan.Updates);
        Assert.True(link.IsLink);
        Assert.Equal(handMade.Id, link.AyonId);
        Assert.Equal(handMade.Id, Assert.Single(plan.Creates).Data["parentId"]!.GetValue<string>());
        Assert.Equal(2, plan.AlreadyPresent + plan.Creates.Count);
    }

    [Fact]
    public void EntitiesAlreadyLinkedInAyonAreNotPlannedAgain()
    {
        var existing = new AyonFolder("b".PadLeft(32, 'b'), "sq010", "sq010", "Sequence", null, null, true, new Dictionary<string, string?> { ["shotgridId"] = "10", ["shotgridType"] = "Sequence" });

        var plan = Plan([Sequence, ShotA], folders: [existing]);

        Assert.Equal(1, plan.AlreadyPresent);
        Assert.Equal("Shot:20", Assert.Single(plan.Creates).Key);
        Assert.Empty(plan.Updates);
    }

    [Fact]
    public void AChildOfAParentOutsideTheProjectIsSkippedWithTheReason()
    {
        var plan = Plan([ShotA, Task]);

        Assert.Empty(plan.Creates);
        Assert.All(plan.Issues, i => Assert.Equal(SyncIssueKinds.Skipped, i.Kind));
        Assert.Contains(plan.Issues, i => i.EntityId == 20 && i.Reason.Contains("Sequence:10"));
    }

    [Fact]
    public void OverrideModePlansUpdatesOnlyForWhatDiffers()
    {
        var statuses = StatusMap.From([new AyonStatus("In progress", "ip")]);
        var stale = new AyonFolder("c".PadLeft(32, 'c'), "sq010", "old label", "Sequence", null, "Not ready", true, new Dictionary<string, string?> { ["shotgridId"] = "10", ["shotgridType"] = "Sequence" });

        var plan = Plan([Sequence], folders: [stale], overrideDifferences: true, statuses: statuses);

        var update = Assert.Single(plan.Updates);
        Assert.Equal("sq010", update.Data["label"]!.GetValue<string>());
        Assert.Equal("In progress", update.Data["status"]!.GetValue<string>());
    }

    private static SyncPlan Plan(
        IReadOnlyList<SgItem> items, DuplicateNamePolicy policy = DuplicateNamePolicy.Suffix, IReadOnlyList<AyonFolder>? folders = null,
        bool overrideDifferences = false, StatusMap? statuses = null) =>
        HierarchyPlanner.Plan(new SyncPlanInput(
            items, folders ?? [], [], statuses ?? StatusMap.Empty, new HashSet<string> { "Animation" }, "Generic", policy, overrideDifferences,
            key => AyonIds.For("site", "p", key)));
}
