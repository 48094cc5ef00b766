using AyonShotgrid.Grains.ShotGrid;
using Microsoft.AspNetCore.WebUtilities;
using static AyonShotgrid.Tests.Clients.ShotGridTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class ShotGridClientAuthTests
{
    private static readonly SgFilter AnyShot = SgFilter.And();

    [Fact]
    public async Task MintsOneTokenWithScriptCredentialsAndReusesIt()
    {
        var mints = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, Interlocked.Increment(ref mints)) : LoopbackServer.WriteJsonAsync(ctx, 200, Records("Shot", [], "shots")));
        using var client = Client(server, new InstantDelayTimeProvider());

        await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);
        await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);

        var mint = Assert.Single(server.RequestsTo(TokenPath));
        Assert.StartsWith("application/x-www-form-urlencoded", mint.Headers.ContentType.ToString(), StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(mint.Body);
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal(ScriptName, form["client_id"].ToString());
        Assert.Equal(ScriptKey, form["client_secret"].ToString());
        Assert.All(server.RequestsTo(ShotSearchPath), r => Assert.Equal($"Bearer {Jwt(42, 1)}", r.Headers.Authorization.ToString()));
        Assert.Equal(2, server.RequestsTo(ShotSearchPath).Count);
    }

    [Fact]
    public async Task MintsANewTokenOnceLessThan90SecondsRemain()
    {
        var mints = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, Interlocked.Increment(ref mints)) : LoopbackServer.WriteJsonAsync(ctx, 200, Records("Shot", [], "shots")));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time);

        await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(509)); // 91 s left of 600
        await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);
        Assert.Equal(1, mints);

        time.Advance(TimeSpan.FromSeconds(2)); // 89 s left
        await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);

        Assert.Equal(2, mints);
        Assert.Equal($"Bearer {Jwt(42, 2)}", server.RequestsTo(ShotSearchPath)[^1].Headers.Authorization.ToString());
    }

    [Fact]
    public async Task RemintsOnceOn401AndRepeatsTheRequestWithTheNewToken()
    {
        var mints = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, Interlocked.Increment(ref mints))
            : req.Headers.Authorization.ToString() == $"Bearer {Jwt(42, 1)}" ? LoopbackServer.WriteJsonAsync(ctx, 401, Error(401, 102, "Unauthorized"))
            : LoopbackServer.WriteJsonAsync(ctx, 200, Records("Shot", [7], "shots")));
        using var client = Client(server, new InstantDelayTimeProvider());

        var page = await client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None);

        Assert.Equal(7, Assert.Single(page).Id);
        Assert.Equal(2, mints);
        Assert.Equal(
            [$"Bearer {Jwt(42, 1)}", $"Bearer {Jwt(42, 2)}"],
            server.RequestsTo(ShotSearchPath).Select(r => r.Headers.Authorization.ToString()));
    }

    [Fact]
    public async Task ASecondUnauthorizedAnswerIsThrownWithoutLeakingTheToken()
    {
        var mints = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, Interlocked.Increment(ref mints))
            : LoopbackServer.WriteJsonAsync(ctx, 401, Error(401, 102, $"Unauthorized: {req.Headers.Authorization}")));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<ShotGridException>(
            () => client.SearchPageAsync("Shot", AnyShot, ["code"], 1, 50, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(102, error.Code);
        Assert.Contains("Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt(42, 2), error.Message, StringComparison.Ordinal);
        Assert.Equal(2, mints);
        Assert.Equal(2, server.RequestsTo(ShotSearchPath).Count);
    }

    [Fact]
    public async Task AuthenticationFailureReportsShotGridsReasonButNeverTheKey()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            LoopbackServer.WriteJsonAsync(ctx, 400, Error(400, 102, $"Can't authenticate script '{ScriptName}' with key {ScriptKey}")));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<ShotGridException>(() => client.GetApiUserIdAsync(CancellationToken.None));

        Assert.Contains($"Can't authenticate script '{ScriptName}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptKey, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ApiUserIdComesFromTheTokensUserClaim()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) => WriteTokenAsync(ctx, 1));
        using var client = Client(server, new InstantDelayTimeProvider());

        Assert.Equal(42, await client.GetApiUserIdAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.!!!.c")]
    [InlineData("e30.e30.sig")] // {} payload: no user claim
    public void TokensWithoutAUserClaimGiveNoApiUserId(string token) => Assert.Null(ShotGridJwt.ReadUserId(token));
}
