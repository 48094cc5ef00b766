using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

[Collection(SyncCollection.Name)]
public sealed class OutageTests(SyncFixture fixture)
{
    [Fact]
    public async Task AnAyonOutageFailsTheJobWithTheReasonAndTheNextRunFinishesTheWork()
    {
        var name = TestProjects.UniqueName("AyonDown");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 2, ShotsPerSequence: 3, Assets: 2, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        System.Text.Json.JsonElement failed;
        fixture.Ayon.Faults.Down = true;
        try
        {
            failed = await gateway.SyncAsync(seeded.ProjectId);
        }
        finally
        {
            fixture.Ayon.Faults.Down = false;
        }

        var error = failed.GetProperty("error").GetString()!;
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Contains("503", error);
        Assert.DoesNotContain(fixture.Ayon.ApiKey, error);
        Assert.DoesNotContain(fixture.ShotGrid.ScriptKey, error);

        var retried = await gateway.SyncAsync(seeded.ProjectId);

        Assert.Equal("succeeded", retried.GetProperty("state").GetString());
        Assert.Equal(retried.Count("total"), retried.Count("created") + retried.Count("alreadyPresent"));
        Assert.Equal(retried.Count("total") - seeded.TaskIds.Count, fixture.Ayon.Store.Folders(name).Count);
    }

    [Fact]
    public async Task AShotGridOutageFailsTheJobSayingSoAndWritesNothing()
    {
        var name = TestProjects.UniqueName("SgDown");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        System.Text.Json.JsonElement failed;
        fixture.ShotGrid.Faults.Down = true;
        try
        {
            failed = await gateway.SyncAsync(seeded.ProjectId);
        }
        finally
        {
            fixture.ShotGrid.Faults.Down = false;
        }

        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.StartsWith("ShotGrid", failed.GetProperty("error").GetString());
        Assert.DoesNotContain(fixture.ShotGrid.ScriptKey, failed.GetProperty("error").GetString());
        Assert.Empty(fixture.Ayon.Store.Folders(name));
    }
}
