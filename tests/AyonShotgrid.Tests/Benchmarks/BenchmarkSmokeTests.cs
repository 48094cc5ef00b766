using System.Text.Json;
using AyonShotgrid.Benchmarks;

namespace AyonShotgrid.Tests.Benchmarks;

/// <summary>
/// The benchmark at a tiny size, so it cannot rot: every scenario runs and reports what it measured. No figure is
/// judged against a target here (no timed assertions); the targets are for runs by hand, see docs/benchmarks.md.
/// </summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"ayonsg-bench-smoke-{Guid.NewGuid():N}");

    [Fact]
    public async Task ATinyRunSyncsEverythingReplaysTheFloorFollowsTheStreamAndWritesBothReports()
    {
        var options = BenchOptions.Parse(["--entities", "150", "--event-rate", "40", "--event-seconds", "1", "--poll-interval", "00:00:00.2", "--out", _output])
            with { Deadline = TimeSpan.FromMinutes(3) };

        var result = await BenchRunner.RunAsync(options, "smoke", CancellationToken.None);

        Assert.Equal("succeeded", result.FullSync.JobState);
        Assert.Equal(0, result.FullSync.Failed);
        // Every seeded entity plus the asset-type category folders the sync derives.
        Assert.True(result.FullSync.Created >= result.FullSync.Entities, $"created {result.FullSync.Created} of {result.FullSync.Entities}");
        Assert.Contains(result.FullSync.AyonRequestKinds.Keys, k => k.EndsWith("/operations", StringComparison.Ordinal));
        Assert.True(result.FullSync.ClusterPeakRssBytes > 0);

        // Read once per sync (issue 20): each type's fields (the anatomy and the attribute map share them) and the
        // project; a project without notes does not load the project index for the notes step (it read the project,
        // the anatomy and every AYON folder and task again).
        var sgKinds = result.FullSync.ShotGridRequestKinds;
        Assert.All(sgKinds.Where(k => k.Key.StartsWith("GET /api/v1/schema/", StringComparison.Ordinal)), k => Assert.Equal(1, k.Value));
        Assert.Equal(1, sgKinds["GET /api/v1/entity/projects/{id}"]);
        Assert.Equal(1, sgKinds["POST /api/v1/entity/steps/_search"]);
        Assert.Equal(1, sgKinds["POST /api/v1/entity/notes/_search"]);
        Assert.False(sgKinds.ContainsKey("POST /api/v1/entity/replies/_search"));
        Assert.True(File.Exists(Path.Combine(_output, "sync-requests.txt")));

        Assert.Equal(result.FullSync.ShotGridRequests, result.Floor.ShotGridRequests);
        Assert.Equal(result.FullSync.AyonRequests, result.Floor.AyonRequests);
        Assert.Equal(0, result.Floor.FailedReplays);
        Assert.True(result.Floor.SyncToFloorRatio > 0);

        // The rate counts ShotGrid event rows (40 in 1 s); each shot writes several, so fewer shots than rows.
        Assert.InRange(result.EventStream.ShotGridEventRows, 40, 40 + 8);
        Assert.InRange(result.EventStream.ShotsCreated, 2, 39);
        Assert.Equal(result.EventStream.ShotsCreated, result.EventStream.VisibleInAyon);
        Assert.True(result.EventStream.LagP99Ms >= result.EventStream.LagP50Ms);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "latest.json")));
        Assert.Equal(result.FullSync.Entities, json.RootElement.GetProperty("fullSync").GetProperty("entities").GetInt32());
        var markdown = await File.ReadAllTextAsync(Path.Combine(_output, "latest.md"));
        Assert.Contains("| Sync / floor |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Lag p99 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCloudProfileDelaysBothEmulatorsAndStillSyncsEverythingTwice()
    {
        // The cloud profile at a tenth of its latency keeps the run short; the figures themselves are not judged.
        var parsed = BenchOptions.Parse(["--profile", "cloud", "--entities", "150", "--event-rate", "40", "--event-seconds", "1", "--poll-interval", "00:00:00.2", "--out", _output]);
        Assert.Equal(LatencyProfile.Cloud, parsed.Latency);
        var options = parsed with { Latency = parsed.Latency.Scaled(0.1), Deadline = TimeSpan.FromMinutes(3) };

        var result = await BenchRunner.RunAsync(options, "smoke --profile cloud", CancellationToken.None);

        Assert.Equal("succeeded", result.FullSync.JobState);
        Assert.Equal(0, result.FullSync.Failed);
        Assert.True(result.FullSync.Created >= result.FullSync.Entities, $"created {result.FullSync.Created} of {result.FullSync.Entities}");
        // Every ShotGrid request of the sync was held at least 30 ms: the sync cannot be faster than one request.
        Assert.True(result.FullSync.WallSeconds >= 0.03, $"the sync took {result.FullSync.WallSeconds} s");
        Assert.Equal("succeeded", result.FullSync.SecondSync.JobState);
        Assert.Equal(0, result.FullSync.SecondSync.Created);
        Assert.True(result.FullSync.SecondSync.AlreadyPresent >= result.FullSync.Entities);
        Assert.Equal(result.EventStream.ShotsCreated, result.EventStream.VisibleInAyon);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "latest.json")));
        var latency = json.RootElement.GetProperty("latency");
        Assert.Equal(30, latency.GetProperty("shotGridRequestMs").GetDouble(), precision: 6);
        Assert.Equal(0.1, latency.GetProperty("ayonOperationMs").GetDouble(), precision: 6);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_output, "latest.md"));
        Assert.Contains("**Latency** the emulators add: cloud ×0.1: ShotGrid 30 ms a request", markdown, StringComparison.Ordinal);
        Assert.Contains("| Second sync (nothing to do) |", markdown, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
