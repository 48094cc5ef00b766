using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNextReturnsTheStatusWithRetryAfterThenRecovers()
    {
        await using var site = await TestSite.StartAsync();
        site.Emulator.Faults.FailNext(2, 429, TimeSpan.FromSeconds(3), pathContains: "_search");
        var search = new JsonObject { ["filters"] = new JsonArray() };

        var (otherStatus, _, _) = await site.GetAsync("api/v1/entity/projects");
        var (first, body, response) = await site.SearchAsync("shots", search.DeepClone().AsObject(), TestSite.ArrayType);
        var (second, _, _) = await site.SearchAsync("shots", search.DeepClone().AsObject(), TestSite.ArrayType);
        var (third, _, _) = await site.SearchAsync("shots", search.DeepClone().AsObject(), TestSite.ArrayType);

        Assert.Equal(200, otherStatus);
        Assert.Equal(429, first);
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(429, TestSite.FirstError(body)["status"]!.GetValue<int>());
        Assert.Equal(429, second);
        Assert.Equal(200, third);
    }

    [Fact]
    public async Task DownAnswers503UntilReset()
    {
        await using var site = await TestSite.StartAsync();
        site.Emulator.Faults.Down = true;
        var (down, body, _) = await site.GetAsync("api/v1");
        site.Emulator.Faults.Reset();
        var (up, _, _) = await site.GetAsync("api/v1");

        Assert.Equal(503, down);
        Assert.Equal(503, TestSite.FirstError(body)["status"]!.GetValue<int>());
        Assert.Equal(200, up);
    }

    [Fact]
    public async Task RequestCountCountsEveryRequestIncludingRefusedOnes()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        var start = site.Emulator.RequestCount;

        await site.GetAsync("api/v1");
        await site.GetAsync("api/v1/entity/projects");

        Assert.Equal(start + 2, site.Emulator.RequestCount);
    }

    [Fact]
    public async Task LatencyIsAddedToRequests()
    {
        await using var site = await TestSite.StartAsync();
        site.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await site.GetAsync("api/v1");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), watch.Elapsed.ToString());
    }
}
