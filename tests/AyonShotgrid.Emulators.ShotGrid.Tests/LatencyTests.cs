using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

/// <summary>Injected latency (the benchmark's cloud profile): answers are held back per request and per returned record.</summary>
public sealed class LatencyTests
{
    [Fact]
    public async Task ASearchIsHeldBackForEachRecordItReturnsAndArrivesWhole()
    {
        var latency = new EmulatorLatency();
        await using var site = await TestSite.StartAsync(new ShotGridEmulatorOptions { Latency = latency });
        var project = site.Store.CreateProject("Latency");
        for (var i = 0; i < 6; i++)
        {
            site.Store.Create("Shot", new() { ["code"] = $"sh{i:000}", ["project"] = new EntityLink("Project", project) });
        }

        var search = new JsonObject { ["filters"] = new JsonArray(new JsonArray("project", "is", new JsonObject { ["type"] = "Project", ["id"] = project })) };
        await site.SearchAsync("shots", search.DeepClone().AsObject(), TestSite.ArrayType); // warm-up, not measured
        latency.PerItem = TimeSpan.FromMilliseconds(60);
        var watch = Stopwatch.StartNew();
        var (status, body, _) = await site.SearchAsync("shots", search, TestSite.ArrayType);
        watch.Stop();

        Assert.Equal(200, status);
        Assert.Equal(6, body["data"]!.AsArray().Count);
        // Six records at 60 ms each: at least 360 ms (a little less allowed for the timer's granularity).
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(340), $"answered in {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task EveryAnswerIsHeldBackThePerRequestTime()
    {
        var latency = new EmulatorLatency();
        await using var site = await TestSite.StartAsync(new ShotGridEmulatorOptions { Latency = latency }, authenticate: false);
        await site.GetAsync("api/v1"); // the first request's warm-up is not what is measured
        latency.PerRequest = TimeSpan.FromMilliseconds(250);

        var watch = Stopwatch.StartNew();
        var (status, _, _) = await site.GetAsync("api/v1");
        watch.Stop();

        Assert.Equal(200, status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(235), $"answered in {watch.Elapsed.TotalMilliseconds} ms");
    }
}
