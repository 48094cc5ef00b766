using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>A synced project of one sequence with one shot, for a test to stream events into, and its cursor before them.</summary>
public sealed record StreamProject(string Name, SeededProject Seeded, JsonElement CursorBefore, EntityLink Project, EntityLink Sequence);

public static class StreamProjects
{
    public static async Task<StreamProject> SyncedStreamProjectAsync(this LeecherFixture fixture, string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        var before = await gateway.ProjectEventsAsync(seeded.ProjectId);
        return new StreamProject(name, seeded, before, TestProjects.Link("Project", seeded.ProjectId), TestProjects.Link("Sequence", seeded.SequenceIds[0]));
    }
}
