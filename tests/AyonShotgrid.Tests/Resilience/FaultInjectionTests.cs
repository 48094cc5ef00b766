using System.Diagnostics;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>Flaky servers (a share of calls answered 429/503, tokens expiring mid-run) change nothing in what a sync writes.</summary>
[Collection(SyncCollection.Name)]
public sealed class FaultInjectionTests(SyncFixture fixture, ITestOutputHelper output)
{
    private static readonly SeedSpec Spec = new("unused", Episodes: 1, SequencesPerEpisode: 2, ShotsPerSequence: 10, Assets: 6, TasksPerEntity: 2);

    [Fact]
    public async Task TenPercentOfCallsAnswered429Or503OnBothServersEndsExactlyLikeACleanRun()
    {
        using var gateway = fixture.GatewayClient();
        var clean = await SeedAndPrepareAsync("Clean");
        var flaky = await SeedAndPrepareAsync("Flaky");
        var cleanJob = await gateway.SyncAsync(clean.ProjectId);

        var retriesBefore = RetryLines();
        var clock = Stopwatch.StartNew();
        fixture.ShotGrid.Faults.FailRandomly(0.10, seed: 7, [429, 503]);
        fixture.Ayon.Faults.FailRandomly(0.10, seed: 11, [429, 503]);
        System.Text.Json.JsonElement flakyJob;
        long sgInjected, ayonInjected;
        try
        {
            flakyJob = await gateway.SyncAsync(flaky.ProjectId);
        }
        finally
        {
            sgInjected = fixture.ShotGrid.Faults.RandomFailuresInjected;
            ayonInjected = fixture.Ayon.Faults.RandomFailuresInjected;
            fixture.ShotGrid.Faults.StopFailingRandomly();
            fixture.Ayon.Faults.StopFailingRandomly();
        }

        output.WriteLine($"faults injected: ShotGrid {sgInjected}, AYON {ayonInjected}; retry log lines {RetryLines() - retriesBefore}; flaky sync {clock.Elapsed.TotalSeconds:0.0} s, {flakyJob.Count("total")} entities");
        Assert.Equal("succeeded", cleanJob.GetProperty("state").GetString());
        Assert.Equal("succeeded", flakyJob.GetProperty("state").GetString());
        Assert.True(sgInjected > 0 && ayonInjected > 0, "both servers must have misbehaved for the run to prove anything");
        Assert.Equal(cleanJob.Count("created"), flakyJob.Count("created") + flakyJob.Count("alreadyPresent"));
        Assert.Equal(AyonShape.Of(fixture.Ayon.Store, clean.Name), AyonShape.Of(fixture.Ayon.Store, flaky.Name));
    }

    [Fact]
    public async Task PrepareThatRestartsAyonUnderTenPercentFaultsEndsExactlyLikeACleanPrepare()
    {
        using var gateway = fixture.GatewayClient();
        var cleanSeed = Seed("PrepClean");
        var flakySeed = Seed("PrepFlaky");
        await MakeShotgridIdInheritedAsync();
        var restartsBefore = fixture.Ayon.Store.RestartCount;
        var clean = await gateway.PrepareAsync(cleanSeed.ProjectId);
        Assert.Equal(restartsBefore + 1, fixture.Ayon.Store.RestartCount);

        await MakeShotgridIdInheritedAsync();
        fixture.ShotGrid.Faults.FailRandomly(0.10, seed: 17, [429, 503]);
        fixture.Ayon.Faults.FailRandomly(0.10, seed: 19, [429, 503]);

        // Whatever the random draw, the restart itself is refused twice: once busy, once unavailable.
        fixture.Ayon.Faults.FailNext(1, 503, pathContains: "/api/system/restart");
        fixture.Ayon.Faults.FailNext(1, 429, pathContains: "/api/system/restart");
        System.Text.Json.JsonElement flaky, flakyJob;
        try
        {
            flaky = await gateway.PrepareAsync(flakySeed.ProjectId);
            flakyJob = await gateway.SyncAsync(flakySeed.ProjectId);
        }
        finally
        {
            fixture.ShotGrid.Faults.StopFailingRandomly();
            fixture.Ayon.Faults.StopFailingRandomly();
        }

        var cleanJob = await gateway.SyncAsync(cleanSeed.ProjectId);
        Assert.Equal(restartsBefore + 2, fixture.Ayon.Store.RestartCount);
        Assert.True(flaky.GetProperty("projectCreated").GetBoolean());
        Assert.Equal(Strings(clean, "changes").Select(Unnamed), Strings(flaky, "changes").Select(Unnamed));
        Assert.Contains("restarted AYON so the new attributes take effect", Strings(flaky, "changes"));
        Assert.Equal("succeeded", flakyJob.GetProperty("state").GetString());
        Assert.Equal(cleanJob.Count("created"), flakyJob.Count("created") + flakyJob.Count("alreadyPresent"));
        Assert.Equal(AyonShape.Of(fixture.Ayon.Store, cleanSeed.Name), AyonShape.Of(fixture.Ayon.Store, flakySeed.Name));
    }

    [Fact]
    public async Task ATokenExpiringMidSyncIsTransparent()
    {
        using var gateway = fixture.GatewayClient();
        var clean = await SeedAndPrepareAsync("TokenClean");
        var expiring = await SeedAndPrepareAsync("TokenExpiry");
        await gateway.SyncAsync(clean.ProjectId);

        // A few requests into the sync's ShotGrid reads, every token issued so far stops working.
        fixture.ShotGrid.Faults.ExpireTokensAfter(3);
        var job = await gateway.SyncAsync(expiring.ProjectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("attempt").GetInt32());
        Assert.Equal(JsonNull, job.GetProperty("waitingFor").ValueKind);
        Assert.Equal(AyonShape.Of(fixture.Ayon.Store, clean.Name), AyonShape.Of(fixture.Ayon.Store, expiring.Name));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    private int RetryLines() => fixture.Logs.Lines.Count(l => l.Contains("retrying in", StringComparison.Ordinal));

    /// <summary>A Prepare change line without the project's own name and code (the two projects differ only in those).</summary>
    private static string Unnamed(string change) => change.StartsWith("created AYON project", StringComparison.Ordinal) ? "created AYON project" : change;

    private static List<string> Strings(System.Text.Json.JsonElement result, string property) =>
        result.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    private (string Name, long ProjectId) Seed(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        return (name, ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, Spec with { ProjectName = name }).ProjectId);
    }

    /// <summary>
    /// Redefines shotgridId as inherited (same scope, so nothing already written changes): the next Prepare puts the
    /// attribute back as it wants it, and so restarts AYON.
    /// </summary>
    private async Task MakeShotgridIdInheritedAsync()
    {
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var response = await ayon.PutAsync(
            "api/attributes/shotgridId",
            new StringContent("""{"position":900,"scope":["project","folder","task"],"data":{"type":"string","title":"ShotGrid ID","inherit":true}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} redefining shotgridId");
    }

    private async Task<(string Name, long ProjectId)> SeedAndPrepareAsync(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, Spec with { ProjectName = name });
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);
        return (name, seeded.ProjectId);
    }
}
