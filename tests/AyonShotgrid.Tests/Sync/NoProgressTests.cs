using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

/// <summary>
/// A job's Sync:MaxOutage counts from its last progress (a write AYON accepted), not from any answer: a server that
/// answers some calls and fails the one the job needs still ends the job, saying how long and with which answer.
/// The sync's clock is the fixture's fake one, moved on by hand.
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class NoProgressTests(SyncFixture fixture)
{
    private static bool IsFinished(JsonElement job) => job.GetProperty("state").GetString() is "succeeded" or "failed";

    private static string Phase(JsonElement job) => job.GetProperty("phase").GetString()!;

    [Fact]
    public async Task AnAyonThatAnswersReadsButRefusesEveryWriteFailsTheJobAfterMaxOutageNamingTheCallAndTheAnswer()
    {
        // Reads keep succeeding all along (each new attempt re-reads AYON); the time without progress still grows.
        var (name, halfway, error) = await SyncWithoutProgressAsync("WritesRefused", "AYON", () => fixture.Ayon.Faults.FailNext(1_000_000, 500, pathContains: "/operations"), fixture.Ayon.Faults.Reset);

        Assert.Contains("HTTP 500", Phase(halfway));
        Assert.StartsWith("AYON failed this job for 61 min: no progress (no write accepted by AYON) since ", error);
        Assert.Contains($"/api/projects/{name}/operations", error);
        Assert.Contains("HTTP 500", error);
        Assert.DoesNotContain(fixture.Ayon.ApiKey, error);
        Assert.Empty(fixture.Ayon.Store.Folders(name));
    }

    [Fact]
    public async Task AShotGridThatAnswersSomeReadsButFailsOneTheSyncNeedsFailsTheJobAfterMaxOutage()
    {
        var (name, _, error) = await SyncWithoutProgressAsync("ShotsFail", "ShotGrid", () => fixture.ShotGrid.Faults.FailNext(1_000_000, 500, pathContains: "/entity/shots"), fixture.ShotGrid.Faults.Reset);

        Assert.StartsWith("ShotGrid failed this job for 61 min: no progress", error);
        Assert.Contains("/entity/shots", error);
        Assert.Contains("HTTP 500", error);
        Assert.DoesNotContain(fixture.ShotGrid.ScriptKey, error);
        Assert.Empty(fixture.Ayon.Store.Folders(name));
    }

    /// <summary>
    /// Syncs a small project while <paramref name="fail"/> is in force: waits for the job to wait for
    /// <paramref name="server"/>, moves the clock 30 min (the phase must say so) and 31 more (the job must give up).
    /// Returns the job at 30 min and the final error.
    /// </summary>
    private async Task<(string Name, JsonElement Halfway, string Error)> SyncWithoutProgressAsync(string stem, string server, Action fail, Action stopFailing)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        JsonElement halfway, failed;
        fail();
        try
        {
            var url = await gateway.StartSyncAsync(seeded.ProjectId);
            await gateway.WaitForJobAsync(url, j => j.GetProperty("waitingFor").GetString() == server || IsFinished(j), $"the job to wait for {server}");
            fixture.Clock.Advance(TimeSpan.FromMinutes(30));
            halfway = await gateway.WaitForJobAsync(url, j => Phase(j).Contains("no progress for 30 min") || IsFinished(j), "the phase to say 30 min without progress");
            fixture.Clock.Advance(TimeSpan.FromMinutes(31));
            failed = await gateway.WaitForJobAsync(url, IsFinished, "the job to give up after Sync:MaxOutage");
        }
        finally
        {
            stopFailing();
        }

        // Leave the fixture as found: a circuit may still be open for a moment; a Prepare that works has closed it.
        await Eventually.WaitAsync(async () => (await gateway.PostAsync($"api/shotgrid/projects/{seeded.ProjectId}/prepare", null)).IsSuccessStatusCode, ok => ok, $"{server} to answer again");
        Assert.Equal("running", halfway.GetProperty("state").GetString());
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        return (name, halfway, failed.GetProperty("error").GetString()!);
    }
}
