using System.Net;
using AyonShotgrid.Grains.ShotGrid;
using static AyonShotgrid.Tests.Clients.ShotGridTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class ShotGridClientRetryTests
{
    private static readonly SgFilter AnyShot = SgFilter.And();

    [Fact]
    public async Task WaitsAsLongAsRetryAfterSaysOn429()
    {
        var searches = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1)
            : Interlocked.Increment(ref searches) == 1 ? LoopbackServer.WriteJsonAsync(ctx, 429, Error(429, 0, "Too many requests"), retryAfter: "7")
            : LoopbackServer.WriteJsonAsync(ctx, 200, Records("Shot", [1], "shots")));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time);

        var page = await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);

        Assert.Single(page);
        Assert.Equal(2, searches);
        Assert.Equal([TimeSpan.FromSeconds(7)], time.Delays);
    }

    [Fact]
    public async Task DoesNotRetryABadRequestAndReportsTheEnvelopeWithoutTheKey()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1)
            : LoopbackServer.WriteJsonAsync(ctx, 400, Error(400, 103, "API read() Shot.sg_nope doesn't exist.", $"sent by {ScriptKey}")));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time);

        var error = await Assert.ThrowsAsync<ShotGridException>(
            () => client.SearchPageAsync("Shot", SgFilter.And().Where("sg_nope", "is", "x"), ["code"], 1, 50, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(103, error.Code);
        Assert.Contains("API read() Shot.sg_nope doesn't exist.", error.Message, StringComparison.Ordinal);
        Assert.Contains(ShotSearchPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptKey, error.Message, StringComparison.Ordinal);
        Assert.Single(server.RequestsTo(ShotSearchPath));
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task RetriesServerErrorsUpToMaxAttemptsWithGrowingBackoffAndLogsWithoutSecrets()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1) : LoopbackServer.WriteJsonAsync(ctx, 503, "{}"));
        var time = new InstantDelayTimeProvider();
        var logger = new CapturingLogger<ShotGridClient>();
        using var client = Client(server, time, maxAttempts: 3, logger: logger);

        var error = await Assert.ThrowsAsync<ShotGridException>(
            () => client.FindOneAsync("Shot", 5, ["code"], CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(3, server.RequestsTo("/api/v1/entity/shots/5").Count);
        Assert.Equal(2, time.Delays.Count);
        Assert.InRange(time.Delays[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        Assert.InRange(time.Delays[1], TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
        Assert.Equal(2, logger.Lines.Count);
        Assert.All(logger.Lines, line =>
        {
            Assert.Contains("GET /api/v1/entity/shots/5 answered 503", line, StringComparison.Ordinal);
            Assert.DoesNotContain("fields", line, StringComparison.Ordinal);
            Assert.DoesNotContain(ScriptKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Jwt(42, 1), line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RetriesARequestThatTimedOut()
    {
        var searches = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1)
            : Interlocked.Increment(ref searches) == 1 ? LoopbackServer.HangAsync(ctx)
            : LoopbackServer.WriteJsonAsync(ctx, 200, Records("Shot", [3], "shots")));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time, timeout: TimeSpan.FromMilliseconds(300));

        var page = await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);

        Assert.Equal(3, Assert.Single(page).Id);
        Assert.Equal(2, searches);
        Assert.Single(time.Delays);
    }

    [Fact]
    public async Task ConnectionFailuresAreRetriedThenThrownAsShotGridException()
    {
        var server = await LoopbackServer.StartAsync((ctx, req) => WriteTokenAsync(ctx, 1));
        await server.DisposeAsync(); // nothing listens on that port any more
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time, maxAttempts: 4);

        var error = await Assert.ThrowsAsync<ShotGridException>(
            () => client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None));

        Assert.Null(error.Status);
        Assert.NotNull(error.InnerException);
        Assert.Contains(TokenPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, time.Delays.Count);
    }
}
