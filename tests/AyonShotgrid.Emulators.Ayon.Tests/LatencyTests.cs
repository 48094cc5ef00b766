using System.Diagnostics;
using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

/// <summary>Injected latency (the benchmark's cloud profile): answers are held back per request and per operation.</summary>
public sealed class LatencyTests
{
    [Fact]
    public async Task An_operations_batch_is_held_back_for_each_operation_and_arrives_whole()
    {
        var latency = new EmulatorLatency();
        await using var client = await AyonTestClient.StartAsync(new AyonEmulatorOptions { Latency = latency });
        await client.DeployAsync("demo", "dm");
        await client.PostAsync("api/projects/demo/operations", new { canFail = true, operations = new[] { new { type = "create", entityType = "folder", data = new { name = "warmup", folderType = "Shot" } } } });
        latency.PerItem = TimeSpan.FromMilliseconds(70);

        var watch = Stopwatch.StartNew();
        var (status, body) = await client.PostAsync("api/projects/demo/operations", new
        {
            canFail = true,
            operations = Enumerable.Range(0, 5).Select(i => new { type = "create", entityType = "folder", data = new { name = $"sh{i:000}", folderType = "Shot" } }).ToArray(),
        });
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body!["operations"]!.AsArray().Count);
        Assert.Equal(6, client.Emulator.Store.Folders("demo").Count); // with the warm-up folder
        // Five operations at 70 ms each: at least 350 ms (a little less allowed for the timer's granularity).
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(330), $"answered in {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Every_answer_is_held_back_the_per_request_time()
    {
        var latency = new EmulatorLatency();
        await using var client = await AyonTestClient.StartAsync(new AyonEmulatorOptions { Latency = latency });
        await client.GetAsync("api/info"); // the first request's warm-up is not what is measured
        latency.PerRequest = TimeSpan.FromMilliseconds(250);

        var watch = Stopwatch.StartNew();
        var (status, _) = await client.GetAsync("api/info");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(235), $"answered in {watch.Elapsed.TotalMilliseconds} ms");
    }
}
