using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task ClientCredentialsReturnJwtWhoseUserClaimIsTheScriptApiUser()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        using var response = await site.Http.PostAsync("api/v1/auth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "ayon_sync", ["client_secret"] = "emulator-script-key",
        }));
        var body = await TestSite.ReadJson(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(600, body["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["refresh_token"]!.GetValue<string>()));
        var parts = body["access_token"]!.GetValue<string>().Split('.');
        Assert.Equal(3, parts.Length);
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(FromBase64Url(parts[1])))!;
        Assert.Equal("ApiUser", payload["user"]!["type"]!.GetValue<string>());
        Assert.Equal(site.Emulator.ScriptApiUserId, payload["user"]!["id"]!.GetValue<long>());
        Assert.Equal(payload["iat"]!.GetValue<long>() + 600, payload["exp"]!.GetValue<long>());
    }

    [Fact]
    public async Task CredentialsInTheQueryStringAreAccepted()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        using var content = new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await site.Http.PostAsync(
            "api/v1/auth/access_token?client_id=ayon_sync&client_secret=emulator-script-key&grant_type=client_credentials", content);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(response.Headers.Contains("x-request-id"));
    }

    [Fact]
    public async Task WrongKeyIs400Code102NamingTheScript()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        using var response = await site.Http.PostAsync("api/v1/auth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "ayon_sync", ["client_secret"] = "wrong",
        }));
        var error = TestSite.FirstError(await TestSite.ReadJson(response));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(102, error["code"]!.GetValue<int>());
        Assert.Equal("Can't authenticate script 'ayon_sync'", error["title"]!.GetValue<string>());
        Assert.DoesNotContain("wrong", error.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonBodyIs415Code103()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/auth/access_token",
            new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = "ayon_sync", ["client_secret"] = "emulator-script-key" });
        var error = TestSite.FirstError(body);

        Assert.Equal(415, status);
        Assert.Equal(103, error["code"]!.GetValue<int>());
        Assert.Equal("Unsupported Content-Type 'application/json'", error["title"]!.GetValue<string>());
        Assert.Equal("Content-Type must be one of: 'application/x-www-form-urlencoded'", error["source"]!["content_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task InfoNeedsNoTokenButEntitiesDo()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        var (infoStatus, info, _) = await site.GetAsync("api/v1");
        var (listStatus, list, _) = await site.GetAsync("api/v1/entity/projects");

        Assert.Equal(200, infoStatus);
        Assert.Equal("v1", info["data"]!["api_version"]!.GetValue<string>());
        Assert.Equal(401, listStatus);
        Assert.Equal(401, TestSite.FirstError(list)["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ExpireTokensNowRejectsEveryIssuedTokenUntilANewOneIsFetched()
    {
        await using var site = await TestSite.StartAsync();
        Assert.Equal(200, (await site.GetAsync("api/v1/entity/projects")).Status);

        site.Emulator.Faults.ExpireTokensNow();
        Assert.Equal(401, (await site.GetAsync("api/v1/entity/projects")).Status);

        site.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.FetchTokenAsync());
        Assert.Equal(200, (await site.GetAsync("api/v1/entity/projects")).Status);
    }

    [Fact]
    public async Task TokenExpiresAfterItsLifetime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var site = await TestSite.StartAsync(new ShotGridEmulatorOptions { Time = time, TokenLifetime = TimeSpan.FromSeconds(600) });

        time.Advance(TimeSpan.FromSeconds(599));
        Assert.Equal(200, (await site.GetAsync("api/v1/entity/projects")).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(401, (await site.GetAsync("api/v1/entity/projects")).Status);
    }

    [Fact]
    public async Task TamperedTokenIsRejected()
    {
        await using var site = await TestSite.StartAsync();
        var token = site.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        site.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^2] + "xx");

        Assert.Equal(401, (await site.GetAsync("api/v1/entity/projects")).Status);
    }

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
