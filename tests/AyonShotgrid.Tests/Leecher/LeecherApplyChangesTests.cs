using System.Net.Http.Json;
using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>The per-project opt-in: with applyChanges the leecher applies a _Change to the linked AYON entity; without, it only records it.</summary>
[Collection(LeecherCollection.Name)]
public sealed class LeecherApplyChangesTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task WithApplyChangesARenameAStatusAndAMoveReachAyonWithoutRenamingIt()
    {
        var (name, projectId, shot, sequence) = await SyncedProjectAsync("Apply");
        using var gateway = fixture.GatewayClient();
        var settings = await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { applyChanges = true }));
        Assert.True(settings.GetProperty("applyChanges").GetBoolean());
        Assert.True(settings.GetProperty("applyChangesSetting").GetBoolean());
        var before = fixture.Ayon.Store.FolderOf(name, "Shot", shot);

        var other = Sg.Create("Sequence", new() { ["code"] = "sq_other", ["project"] = TestProjects.Link("Project", projectId) });
        Sg.Update("Shot", shot, new() { ["code"] = "renamed in sg" });
        Sg.Update("Shot", shot, new() { ["sg_status_list"] = "ip" });
        Sg.Update("Shot", shot, new() { ["sg_sequence"] = TestProjects.Link("Sequence", other) });

        var after = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.FolderOf(name, "Shot", shot)),
            f => f.Label == "renamed in sg" && f.Status == "In Progress" && f.ParentId != before.ParentId,
            $"the changes of shot {shot} to reach AYON");
        Assert.Equal((before.Id, before.Name), (after.Id, after.Name));
        Assert.Equal(fixture.Ayon.Store.FolderOf(name, "Sequence", other).Id, after.ParentId);
        Assert.NotEqual(fixture.Ayon.Store.FolderOf(name, "Sequence", sequence).Id, after.ParentId);
    }

    [Fact]
    public async Task WithApplyChangesAMappedFieldChangeSetsItsAttributeAndLeavesTheOthers()
    {
        var (name, projectId, shot, _) = await SyncedProjectAsync("ApplyAttrib");
        using var gateway = fixture.GatewayClient();
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { applyChanges = true }));
        Sg.Update("Shot", shot, new() { ["sg_cut_out"] = 1100 });
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.FolderOf(name, "Shot", shot)),
            f => TestProjects.Attrib(f.Attrib, "frameEnd") == "1100",
            $"shot {shot}'s cut out (sg_cut_out → frameEnd, default map) to reach AYON");

        // Only the changed field is written: a later change of another mapped field does not undo it, and sets its own.
        Sg.Update("Shot", shot, new() { ["sg_cut_in"] = 1001 });
        var after = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.FolderOf(name, "Shot", shot)),
            f => TestProjects.Attrib(f.Attrib, "frameStart") == "1001",
            $"shot {shot}'s cut in to reach AYON");
        Assert.Equal("1100", TestProjects.Attrib(after.Attrib, "frameEnd"));
        Assert.Equal(shot.ToString(System.Globalization.CultureInfo.InvariantCulture), TestProjects.Attrib(after.Attrib, "shotgridId"));
    }

    [Fact]
    public async Task WithoutApplyChangesAChangeIsOnlyRecorded()
    {
        var (name, projectId, shot, _) = await SyncedProjectAsync("NoApply");
        using var gateway = fixture.GatewayClient();
        var status = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
        Assert.False(status.GetProperty("applyChanges").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("applyChangesSetting").ValueKind);
        var before = fixture.Ayon.Store.FolderOf(name, "Shot", shot);

        Sg.Update("Shot", shot, new() { ["code"] = "renamed in sg" });
        var newest = Sg.NewestEventId;
        await Eventually.WaitAsync(
            async () => (await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"))).GetProperty("events"),
            e => e.GetProperty("watermark").GetInt64() >= newest,
            $"project {projectId}'s cursor to pass event {newest}");

        Assert.Equal(before.Label, fixture.Ayon.Store.FolderOf(name, "Shot", shot).Label);
    }

    private async Task<(string Name, long ProjectId, long Shot, long Sequence)> SyncedProjectAsync(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(seeded.ProjectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return (name, seeded.ProjectId, seeded.ShotIds[0], seeded.SequenceIds[0]);
    }
}
