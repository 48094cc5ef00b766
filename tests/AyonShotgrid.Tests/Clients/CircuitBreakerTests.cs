using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;
using static AyonShotgrid.Tests.Clients.ShotGridTestKit;

namespace AyonShotgrid.Tests.Clients;

/// <summary>An outage opens the server's circuit: later calls are not sent at all, and their error says why.</summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task AShotGridOutageOpensTheCircuitSoLaterCallsAreNotSentAndSayWhy()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1) : LoopbackServer.WriteJsonAsync(ctx, 503, "{}"));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time, maxAttempts: 3);

        var errors = new List<ShotGridException>();
        for (var call = 0; call < 6; call++)
        {
            errors.Add(await Assert.ThrowsAsync<ShotGridException>(() => client.FindOneAsync("Shot", 5, ["code"], CancellationToken.None)));
        }

        // The breaker's minimum throughput (the token request counts: one circuit per server); after that nothing is sent.
        Assert.Equal(8, server.Requests.Count);
        Assert.Equal(7, server.RequestsTo("/api/v1/entity/shots/5").Count);
        Assert.Contains("HTTP 503", errors[0].Message);
        var refused = errors[^1];
        Assert.Null(refused.Status);
        Assert.Contains("not sent: the circuit breaker for ShotGrid is open", refused.Message);
        Assert.Contains("last: HTTP 503", refused.Message);
        Assert.DoesNotContain(ScriptKey, refused.Message);
    }

    [Fact]
    public async Task AnOpenAyonCircuitLetsAProbeThroughAfterTheBreakAndClosesWhenTheServerIsBack()
    {
        var down = true;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
            Volatile.Read(ref down) ? LoopbackServer.WriteJsonAsync(ctx, 503, """{"detail":"down"}""") : LoopbackServer.WriteJsonAsync(ctx, 200, """{"projects":[]}"""));
        var time = new InstantDelayTimeProvider();
        using var client = AyonTestKit.Client(server, time, maxAttempts: 2);
        for (var call = 0; call < 5; call++)
        {
            await Assert.ThrowsAsync<AyonException>(() => client.ListProjectNamesAsync(CancellationToken.None));
        }

        var whileOpen = server.Requests.Count;
        var refused = await Assert.ThrowsAsync<AyonException>(() => client.ListProjectNamesAsync(CancellationToken.None));
        Volatile.Write(ref down, false);
        time.Advance(TimeSpan.FromSeconds(31));

        var names = await client.ListProjectNamesAsync(CancellationToken.None);

        Assert.Contains("circuit breaker for AYON is open", refused.Message);
        Assert.Equal(8, whileOpen);
        Assert.Empty(names);
        Assert.Equal(9, server.Requests.Count);
    }
}
