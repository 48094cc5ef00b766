using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>A ShotGrid project of one sequence with one shot, synced to AYON through the gateway.</summary>
public sealed record OneShotProject(string Name, long ProjectId, long Shot, long Sequence);

public static class OneShotProjects
{
    public static async Task<OneShotProject> SyncedOneShotProjectAsync(this SyncFixture fixture, string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        return new OneShotProject(name, seeded.ProjectId, seeded.ShotIds[0], seeded.SequenceIds[0]);
    }
}
