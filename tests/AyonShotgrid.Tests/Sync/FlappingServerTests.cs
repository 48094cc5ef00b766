using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

/// <summary>
/// Sync:MaxOutage counts from the job's last progress (a write AYON accepted), not from its first failure: a server
/// that flaps (answers a while, then fails again) never makes a job that progresses give up; one that answers nothing
/// for longer does.
/// The sync's clock is the fixture's fake one, moved on by hand; the job's 1 h MaxOutage is then crossed deliberately.
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class FlappingServerTests(SyncFixture fixture)
{
    private static bool IsFinished(JsonElement job) => job.GetProperty("state").GetString() is "succeeded" or "failed";

    private static bool IsWaitingFor(JsonElement job, string server) => job.GetProperty("waitingFor").GetString() == server;

    [Fact]
    public async Task AFlappingAyonThatLetsTheJobProgressNeverMakesItGiveUpEvenWhenTheFailuresSpanMoreThanMaxOutage()
    {
        var name = TestProjects.UniqueName("Flapping");
        // 2 sequences + 60 shots + 60 tasks: three batches of 50, so one batch can get through between two outages.
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 2, ShotsPerSequence: 30, Assets: 0, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        JsonElement second;
        string url;
        fixture.Ayon.Faults.Down = true;
        try
        {
            url = await gateway.StartSyncAsync(seeded.ProjectId);
            await gateway.WaitForJobAsync(url, j => IsWaitingFor(j, "AYON") || IsFinished(j), "the job to wait for AYON");
            fixture.Clock.Advance(TimeSpan.FromMinutes(50));

            // AYON answers again just long enough for one batch of creates, then goes down again.
            fixture.Ayon.Faults.BeforeNextOperations(name, _ =>
            {
                fixture.Ayon.Faults.Down = true;
                return Task.CompletedTask;
            });
            fixture.Ayon.Faults.Down = false;
            await Eventually.WaitAsync(() => Task.FromResult(fixture.Ayon.Store.Folders(name).Count), n => n > 0, "one batch to get through while AYON is up");
            await gateway.WaitForJobAsync(url, j => (IsWaitingFor(j, "AYON") && j.GetProperty("phase").GetString()!.Contains("no progress for 0 min")) || IsFinished(j), "the job to wait for AYON again");

            // 100 min after the first failure, 50 min after the last answer: still within Sync:MaxOutage (1 h).
            fixture.Clock.Advance(TimeSpan.FromMinutes(50));
            second = await gateway.WaitForJobAsync(url, j => j.GetProperty("phase").GetString()!.Contains("no progress for 50 min") || IsFinished(j), "the job to try again after the clock moved");
        }
        finally
        {
            fixture.Ayon.Faults.Down = false;
        }

        var done = await gateway.WaitForJobAsync(url, IsFinished, "the job to finish once AYON stays up");

        Assert.Equal("running", second.GetProperty("state").GetString());
        Assert.Equal("AYON", second.GetProperty("waitingFor").GetString());
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(0, done.Count("failed"));
        Assert.Equal(62, fixture.Ayon.Store.Folders(name).Count);
        Assert.Equal(60, fixture.Ayon.Store.Tasks(name).Count);
    }

    [Fact]
    public async Task AServerThatAnswersNothingForLongerThanMaxOutageFailsTheJobNamingTheServerAndHowLong()
    {
        var name = TestProjects.UniqueName("SgGone");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        JsonElement failed;
        fixture.ShotGrid.Faults.Down = true;
        try
        {
            var url = await gateway.StartSyncAsync(seeded.ProjectId);
            await gateway.WaitForJobAsync(url, j => IsWaitingFor(j, "ShotGrid") || IsFinished(j), "the job to wait for ShotGrid");
            fixture.Clock.Advance(TimeSpan.FromMinutes(61));
            failed = await gateway.WaitForJobAsync(url, IsFinished, "the job to give up after Sync:MaxOutage");
        }
        finally
        {
            fixture.ShotGrid.Faults.Down = false;
        }

        Assert.Equal("failed", failed.GetProperty("state").GetString());
        var error = failed.GetProperty("error").GetString()!;
        Assert.StartsWith("ShotGrid failed this job for 61 min: no progress (no write accepted by AYON) since ", error);
        Assert.Contains("longer than Sync:MaxOutage (01:00:00)", error);
        Assert.DoesNotContain(fixture.ShotGrid.ScriptKey, error);
        Assert.Empty(fixture.Ayon.Store.Folders(name));

        // Leave the fixture as found: ShotGrid's circuit may still be open for a moment; a Prepare that works has closed it.
        await Eventually.WaitAsync(async () => (await gateway.PostAsync($"api/shotgrid/projects/{seeded.ProjectId}/prepare", null)).IsSuccessStatusCode, ok => ok, "ShotGrid to answer again");
    }
}
