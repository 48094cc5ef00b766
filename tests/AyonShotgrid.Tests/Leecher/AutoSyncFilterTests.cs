using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

[Collection(AutoSyncLeecherCollection.Name)]
public sealed class AutoSyncFilterTests(AutoSyncLeecherFixture fixture)
{
    [Fact]
    public async Task WithRequireAutoSyncFieldOnlyProjectsWithTheCheckboxAreFollowed()
    {
        var sg = fixture.ShotGrid.Store;
        var followed = await SyncedAsync("AutoOn", autoSync: true);
        var ignored = await SyncedAsync("AutoOff", autoSync: false);

        // The unfollowed project's shot is written first: had its events been read, they would be applied no later than the other's.
        var skippedShot = sg.Create("Shot", new() { ["code"] = "sh_not_followed", ["project"] = TestProjects.Link("Project", ignored.ProjectId), ["sg_sequence"] = TestProjects.Link("Sequence", ignored.SequenceIds[0]) });
        var followedShot = sg.Create("Shot", new() { ["code"] = "sh_followed", ["project"] = TestProjects.Link("Project", followed.ProjectId), ["sg_sequence"] = TestProjects.Link("Sequence", followed.SequenceIds[0]) });

        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Folders(followed.Name).Any(f => TestProjects.Attrib(f.Attrib, "shotgridId") == followedShot.ToString())),
            found => found,
            "the followed project's shot to appear in AYON");
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(ignored.Name), f => TestProjects.Attrib(f.Attrib, "shotgridId") == skippedShot.ToString());
    }

    private async Task<(string Name, long ProjectId, IReadOnlyList<long> SequenceIds)> SyncedAsync(string stem, bool autoSync)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        fixture.ShotGrid.Store.Update("Project", seeded.ProjectId, new() { ["sg_ayon_auto_sync"] = autoSync });
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        return (name, seeded.ProjectId, seeded.SequenceIds);
    }
}
