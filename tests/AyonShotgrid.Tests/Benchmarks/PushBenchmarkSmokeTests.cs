using System.Text.Json;
using AyonShotgrid.Benchmarks;

namespace AyonShotgrid.Tests.Benchmarks;

/// <summary>The push scenario at a tiny size, so it cannot rot: the burst arrives whole and changes are seen. No figure is judged.</summary>
public sealed class PushBenchmarkSmokeTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"ayonsg-push-smoke-{Guid.NewGuid():N}");

    [Fact]
    public async Task ATinyPushRunLinksTheWholeBurstAndSeesTheChanges()
    {
        var options = BenchOptions.Parse(["--push", "120", "--push-rate", "20", "--event-seconds", "1", "--poll-interval", "00:00:00.2", "--out", _output])
            with { Deadline = TimeSpan.FromMinutes(3) };

        var result = await BenchRunner.RunPushAsync(options, CancellationToken.None);

        Assert.Equal(120, result.Entities);
        Assert.Equal(120, result.Folders + result.Tasks);
        Assert.True(result.Folders > 0 && result.Tasks > 0);
        Assert.True(result.ShotGridRequests > 0);
        Assert.Equal(20, result.Changes);
        Assert.Equal(result.Changes, result.ChangesSeen);
        Assert.True(result.LatencyP99Ms >= result.LatencyP50Ms);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "latest-push.json")));
        Assert.Equal(120, json.RootElement.GetProperty("entities").GetInt32());
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
