using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.ScaleOut.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.ScaleOut.Tests;

/// <summary>
/// Three silo processes and a gateway process over PostgreSQL; one silo is SIGKILLed while a full sync runs and a
/// stream of ShotGrid events is produced. Nothing may be lost or duplicated, and the job must report its true outcome.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : ScaleOutTest
{
    private const int StreamedShots = 2000;

    [Fact]
    public async Task KillingASiloMidSyncAndMidStreamLosesNothingAndDuplicatesNothing()
    {
        var sg = Cluster.ShotGrid.Store;
        var seeded = ShotGridSeeder.SeedProject(sg, new SeedSpec("Failover Drill", Episodes: 3, SequencesPerEpisode: 4, ShotsPerSequence: 12, Assets: 30, TasksPerEntity: 3));
        var seededCount = seeded.EpisodeIds.Count + seeded.SequenceIds.Count + seeded.ShotIds.Count + seeded.AssetIds.Count + seeded.TaskIds.Count;
        output.WriteLine($"seeded {seededCount} entities; logs in {Cluster.LogDirectory}");

        var clock = Stopwatch.StartNew();
        var (gateway, ayonName) = await StartAndPrepareAsync(silos: 3, seeded.ProjectId);
        using var gatewayClient = gateway;
        output.WriteLine($"3 silos + gateway ready and the project prepared after {clock.Elapsed.TotalSeconds:0.0} s");
        var started = await ScaleOutCluster.ReadJsonAsync(await ScaleOutCluster.PostJsonAsync(gateway, $"api/shotgrid/projects/{seeded.ProjectId}/sync", new { overrideDifferences = false }));
        var jobUrl = started.GetProperty("statusUrl").GetString()!.TrimStart('/');
        var jobId = started.GetProperty("jobId").GetString()!;

        // The stream: shot creates, and status changes of shots created earlier, on a background task.
        var created = new ConcurrentQueue<(long Id, long Ticks)>();
        using var stopStream = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stream = Task.Run(() => ProduceEvents(sg, seeded, created, stopStream.Token));

        // Kill the silo that hosts the leecher (its log says so), while the job runs and the stream flows: the leecher
        // must come back on a survivor. When the job runs there too, it must resume elsewhere as well.
        const string LeecherActive = "Leecher of ShotGrid site";
        var victim = await Eventually.WaitAsync(
            () => Task.FromResult(Cluster.Silos.FirstOrDefault(s => s.Stdout().Contains(LeecherActive, StringComparison.Ordinal))),
            s => s is not null,
            "a silo to activate the leecher",
            TimeSpan.FromSeconds(30),
            Cluster.Diagnose);
        var jobSilo = await Eventually.WaitAsync(
            () => Task.FromResult(Cluster.Silos.FirstOrDefault(s => s.Stdout().Contains($"started for ShotGrid project {seeded.ProjectId}", StringComparison.Ordinal))),
            s => s is not null,
            "a silo to start the sync job",
            TimeSpan.FromSeconds(30),
            Cluster.Diagnose);
        var victimRanJob = ReferenceEquals(victim, jobSilo);
        var jobBeforeKill = await ScaleOutCluster.ReadJsonAsync(await gateway.GetAsync(jobUrl));
        var killedAt = Stopwatch.GetTimestamp();
        var createdBeforeKill = created.Count;
        victim!.KillHard();
        output.WriteLine($"SIGKILL {victim.Name} (hosted the leecher{(victimRanJob ? $" and job {jobId}" : $"; job {jobId} ran on {jobSilo!.Name}")}, job state {jobBeforeKill.GetProperty("state").GetString()} {jobBeforeKill.GetProperty("progressPercent").GetInt32()}%); " +
            $"{createdBeforeKill} streamed shots created before");
        var leecherAgain = await Eventually.WaitAsync(
            () => Task.FromResult(Cluster.Silos.FirstOrDefault(s => !ReferenceEquals(s, victim) && s.Stdout().Contains(LeecherActive, StringComparison.Ordinal))),
            s => s is not null,
            "the leecher to be activated again on a surviving silo",
            Settle,
            Cluster.Diagnose);
        output.WriteLine($"leecher active again on {leecherAgain!.Name} {Stopwatch.GetElapsedTime(killedAt).TotalSeconds:0.0} s after SIGKILL");

        // Recovery: the first shot created after the kill appearing in AYON.
        var firstAfterKill = await Eventually.WaitAsync(
            () => Task.FromResult(created.FirstOrDefault(c => c.Ticks > killedAt)),
            c => c.Id != 0,
            "a shot to be created after the kill",
            TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(
            () => Task.FromResult(Cluster.Ayon.Store.Folders(ayonName).Any(f => Attrib(f.Attrib, "shotgridType") == "Shot" && Attrib(f.Attrib, "shotgridId") == firstAfterKill.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            found => found,
            $"shot {firstAfterKill.Id} (created after the kill) to appear in AYON",
            Settle,
            Cluster.Diagnose);
        var recovery = Stopwatch.GetElapsedTime(killedAt);
        output.WriteLine($"RECOVERY: first event created after the kill visible in AYON {recovery.TotalSeconds:0.0} s after SIGKILL");

        await stream;
        output.WriteLine($"stream done: {created.Count} shots created, newest ShotGrid event {sg.NewestEventId}");

        // The job's true outcome.
        var job = await Eventually.WaitAsync(
            async () => await ScaleOutCluster.ReadJsonAsync(await gateway.GetAsync(jobUrl)),
            j => j.GetProperty("state").GetString() is "succeeded" or "failed",
            $"sync job {jobId} to finish",
            Settle,
            Cluster.Diagnose);
        var counts = job.GetProperty("counts");
        output.WriteLine($"job {job.GetProperty("state").GetString()} after {job.GetProperty("attempt").GetInt32()} attempt(s): {counts}");
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"the job failed: {job.GetProperty("error")} issues: {job.GetProperty("issues")}");
        if (victimRanJob)
        {
            Assert.True(job.GetProperty("attempt").GetInt32() >= 2, $"the job's silo was killed, so it must have resumed (attempt ≥ 2): {job}");
        }
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.True(counts.GetProperty("total").GetInt32() >= seededCount, $"the job counted {counts.GetProperty("total")} entities; {seededCount} were seeded");

        // After the job has ended only the leecher can bring changes over: it must be alive on a surviving silo.
        var project = new EntityLink("Project", seeded.ProjectId);
        var markers = Enumerable.Range(0, 20)
            .Select(i => sg.Create("Shot", new() { ["code"] = $"after_job_{i:D2}", ["project"] = project, ["sg_sequence"] = new EntityLink("Sequence", seeded.SequenceIds[0]) }))
            .ToList();
        await Eventually.WaitAsync(
            () => Task.FromResult(Cluster.Ayon.Store.Folders(ayonName).Count(f => Attrib(f.Attrib, "shotgridType") == "Shot" && markers.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).Contains(Attrib(f.Attrib, "shotgridId")))),
            n => n == markers.Count,
            "the shots created after the job ended to arrive through the leecher",
            Settle,
            Cluster.Diagnose);
        // Every event applied.
        var newest = sg.NewestEventId;
        var cursor = await Eventually.WaitAsync(
            async () => (await ScaleOutCluster.ReadJsonAsync(await gateway.GetAsync($"api/shotgrid/projects/{seeded.ProjectId}"))).GetProperty("events"),
            e => e.GetProperty("watermark").GetInt64() >= newest && e.GetProperty("backlog").GetInt32() == 0,
            $"the project's watermark to reach event {newest} with no backlog",
            Settle,
            Cluster.Diagnose);
        output.WriteLine($"cursor: {cursor}");
        Assert.True(cursor.GetProperty("applied").GetInt64() >= markers.Count, $"the leecher applied only {cursor.GetProperty("applied")} events: {cursor}");
        var caughtUp = Stopwatch.GetElapsedTime(killedAt);

        // Every ShotGrid entity in AYON exactly once.
        var expected = seeded.EpisodeIds.Select(id => ("Episode", id))
            .Concat(seeded.SequenceIds.Select(id => ("Sequence", id)))
            .Concat(seeded.ShotIds.Concat(created.Select(c => c.Id)).Concat(markers).Select(id => ("Shot", id)))
            .Concat(seeded.AssetIds.Select(id => ("Asset", id)))
            .Concat(seeded.TaskIds.Select(id => ("Task", id)))
            .Select(k => (k.Item1, k.id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var inAyon = Cluster.Ayon.Store.Folders(ayonName).Select(f => (Attrib(f.Attrib, "shotgridType"), Attrib(f.Attrib, "shotgridId")))
            .Concat(Cluster.Ayon.Store.Tasks(ayonName).Select(t => (Attrib(t.Attrib, "shotgridType"), Attrib(t.Attrib, "shotgridId"))))
            .Where(k => k.Item1 is not null && k.Item2 is not null)
            .GroupBy(k => (k.Item1!, k.Item2!))
            .ToDictionary(g => g.Key, g => g.Count());
        var missing = expected.Where(k => !inAyon.ContainsKey(k)).ToList();
        var duplicated = inAyon.Where(kv => kv.Value > 1).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} ShotGrid entities missing in AYON, e.g. {string.Join(", ", missing.Take(10))}");
        Assert.True(duplicated.Count == 0, $"{duplicated.Count} ShotGrid entities in AYON more than once, e.g. {string.Join(", ", duplicated.Take(10))}");
        Assert.Equal(StreamedShots, created.Count);

        // Status changes are recorded, not applied, in create-only mode; the shots carry the status the sync read.
        var updated = created.Take(StreamedShots / 2).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var statuses = Cluster.Ayon.Store.Folders(ayonName).Where(f => Attrib(f.Attrib, "shotgridType") == "Shot" && updated.Contains(Attrib(f.Attrib, "shotgridId")!)).Select(f => f.Status).Distinct().ToList();
        output.WriteLine($"statuses of updated shots: {string.Join(", ", statuses)}");
        Assert.Equal(2, Cluster.Silos.Count(s => !s.HasExited));
        output.WriteLine($"FAILOVER SUMMARY: entities={expected.Count} events={newest} recovery={recovery.TotalSeconds:0.0}s caughtUp={caughtUp.TotalSeconds:0.0}s jobAttempts={job.GetProperty("attempt").GetInt32()} total={clock.Elapsed.TotalSeconds:0.0}s");
    }

    /// <summary>2000 shot creates, and after each second create a status change of an earlier shot: ~3000 events, paced so the kill lands mid-stream.</summary>
    private static async Task ProduceEvents(ShotGridStore sg, SeededProject seeded, ConcurrentQueue<(long Id, long Ticks)> created, CancellationToken ct)
    {
        var project = new EntityLink("Project", seeded.ProjectId);
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var ids = new List<long>();
        for (var i = 0; i < StreamedShots; i++)
        {
            var sequence = seeded.SequenceIds[i % seeded.SequenceIds.Count];
            var id = sg.Create("Shot", new() { ["code"] = $"stream_{i:D4}", ["project"] = project, ["sg_sequence"] = new EntityLink("Sequence", sequence) });
            ids.Add(id);
            created.Enqueue((id, Stopwatch.GetTimestamp()));
            if (i % 2 == 1)
            {
                sg.Update("Shot", ids[i / 2], new() { ["sg_status_list"] = "ip" });
            }

            if (i % 20 == 19)
            {
                await pace.WaitForNextTickAsync(ct);
            }
        }
    }

    private static string? Attrib(IReadOnlyDictionary<string, object?> attrib, string name) =>
        attrib.TryGetValue(name, out var value) ? value?.ToString() : null;
}
