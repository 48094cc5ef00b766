using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>The event path through outages and flaky servers: the cursor waits, then everything drains, once.</summary>
[Collection(LeecherCollection.Name)]
public sealed class StreamFaultTests(LeecherFixture fixture, ITestOutputHelper output)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Theory]
    [InlineData("AYON")]
    [InlineData("ShotGrid")]
    public async Task AnOutageMidStreamKeepsTheCursorBeforeTheUnappliedEventsAndDrainsWhenTheServerReturns(string server)
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("StreamDown" + server);
        using var gateway = fixture.GatewayClient();
        var before = await gateway.ProjectEventsAsync(projectId);
        var pollsBefore = (await LeecherAsync(gateway)).GetProperty("polls").GetInt64();

        var shots = new List<long>();
        SetDown(server, true);
        try
        {
            for (var i = 0; i < 10; i++)
            {
                shots.Add(CreateShot(projectId, $"sh_down_{i:00}", sequence));
            }

            var firstEvent = Sg.Events.Where(e => e.EntityType == "Shot" && shots.Contains(e.EntityId)).Min(e => e.Id);

            // Let the leecher try for a while: AYON down fails every entity's apply, ShotGrid down fails the poll itself.
            var leecher = server == "AYON"
                ? await Eventually.WaitAsync(() => LeecherAsync(gateway), l => l.GetProperty("polls").GetInt64() >= pollsBefore + 5, "the leecher to keep polling through the AYON outage")
                : await FailedPollsAsync(gateway, 3);
            var during = await gateway.ProjectEventsAsync(projectId);
            Assert.True(during.GetProperty("watermark").GetInt64() < firstEvent, $"watermark {during.GetProperty("watermark")} passed event {firstEvent} that was never applied");
            Assert.Equal(before.GetProperty("failed").GetInt64(), during.GetProperty("failed").GetInt64());
            Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => f.Name.StartsWith("sh_down_", StringComparison.Ordinal));
            output.WriteLine($"{server} down: leecher polls {leecher.GetProperty("polls")}, last error: {leecher.GetProperty("lastError")}; project errors: {string.Join(" | ", during.GetProperty("lastErrors").EnumerateArray().TakeLast(2))}");
        }
        finally
        {
            SetDown(server, false);
        }

        await WaitForShotsAsync(name, shots);
        var after = await Eventually.WaitAsync(() => gateway.ProjectEventsAsync(projectId), c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "the cursor to drain");
        Assert.Equal(before.GetProperty("failed").GetInt64(), after.GetProperty("failed").GetInt64());
        var streamed = fixture.Ayon.Store.Folders(name).Where(f => f.Name.StartsWith("sh_down_", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, streamed.Count);
        Assert.Equal(10, streamed.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public async Task TenPercentOfCallsFailingOnBothServersMidStreamLosesAndDuplicatesNothing()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("StreamFlaky");
        using var gateway = fixture.GatewayClient();
        var shots = new List<long>();
        var tasks = new List<long>();
        fixture.ShotGrid.Faults.FailRandomly(0.10, seed: 3, [429, 503]);
        fixture.Ayon.Faults.FailRandomly(0.10, seed: 5, [429, 503]);
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var shot = CreateShot(projectId, $"sh_flaky_{i:00}", sequence);
                shots.Add(shot);
                tasks.Add(Sg.Create("Task", new() { ["content"] = "comp", ["project"] = TestProjects.Link("Project", projectId), ["entity"] = TestProjects.Link("Shot", shot) }));
            }

            await WaitForShotsAsync(name, shots);
            await Eventually.WaitAsync(
                () => Task.FromResult(fixture.Ayon.Store.Tasks(name).Count(t => tasks.Contains(long.Parse(TestProjects.Attrib(t.Attrib, "shotgridId")!)))),
                n => n == tasks.Count,
                "every streamed task to appear in AYON");
            await Eventually.WaitAsync(() => gateway.ProjectEventsAsync(projectId), c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "the cursor to drain");
        }
        finally
        {
            output.WriteLine($"faults injected mid-stream: ShotGrid {fixture.ShotGrid.Faults.RandomFailuresInjected}, AYON {fixture.Ayon.Faults.RandomFailuresInjected}");
            fixture.ShotGrid.Faults.StopFailingRandomly();
            fixture.Ayon.Faults.StopFailingRandomly();
        }

        var cursor = await gateway.ProjectEventsAsync(projectId);
        Assert.Equal(0, cursor.GetProperty("failed").GetInt64());
        var streamed = fixture.Ayon.Store.Folders(name).Where(f => f.Name.StartsWith("sh_flaky_", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, streamed.Count);
        Assert.Equal(20, streamed.Select(f => f.Name).Distinct().Count());
        Assert.Equal(20, fixture.Ayon.Store.Tasks(name).Count(t => t.Name == "comp"));
        Assert.True(fixture.ShotGrid.Faults.RandomFailuresInjected + fixture.Ayon.Faults.RandomFailuresInjected > 0);
    }

    private static Task<JsonElement> FailedPollsAsync(HttpClient gateway, int count) => Eventually.WaitAsync(
        () => LeecherAsync(gateway),
        l => l.GetProperty("failedPollsInARow").GetInt32() >= count && l.GetProperty("waitingFor").GetString() == "ShotGrid",
        $"{count} failed polls in a row, waiting for ShotGrid");

    private void SetDown(string server, bool down)
    {
        if (server == "AYON")
        {
            fixture.Ayon.Faults.Down = down;
        }
        else
        {
            fixture.ShotGrid.Faults.Down = down;
        }
    }

    private long CreateShot(long projectId, string code, long sequence) =>
        Sg.Create("Shot", new() { ["code"] = code, ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });

    private async Task<(string Name, long ProjectId, long Sequence)> SyncedProjectAsync(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(seeded.ProjectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return (name, seeded.ProjectId, seeded.SequenceIds[0]);
    }

    private Task WaitForShotsAsync(string project, IReadOnlyCollection<long> shots) => Eventually.WaitAsync(
        () => Task.FromResult(fixture.Ayon.Store.Folders(project).Count(f => TestProjects.Attrib(f.Attrib, "shotgridType") == "Shot" && shots.Contains(long.Parse(TestProjects.Attrib(f.Attrib, "shotgridId")!)))),
        n => n == shots.Count,
        $"{shots.Count} streamed shots to appear in AYON project {project}",
        TimeSpan.FromSeconds(60));


    private static async Task<JsonElement> LeecherAsync(HttpClient gateway) =>
        await GatewayCalls.ReadOkAsync(await gateway.GetAsync("api/shotgrid/leecher"));
}
