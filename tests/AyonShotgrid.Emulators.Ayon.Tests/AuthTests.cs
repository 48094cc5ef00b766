using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Missing_key_is_401_access_token_missing_and_info_stays_public()
    {
        await using var emulator = await AyonEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        using var projects = await http.GetAsync("api/projects");
        using var info = await http.GetAsync("api/info");

        Assert.Equal(HttpStatusCode.Unauthorized, projects.StatusCode);
        var body = JsonNode.Parse(await projects.Content.ReadAsStringAsync())!;
        Assert.Equal(401, body["code"]!.GetValue<int>());
        Assert.Equal("Access token is missing", body["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.NotNull(JsonNode.Parse(await info.Content.ReadAsStringAsync())!["version"]);
        Assert.True(projects.Headers.Contains("X-Request-ID"));
    }

    [Fact]
    public async Task Wrong_key_is_401_invalid_api_key()
    {
        await using var emulator = await AyonEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", "not-the-key");

        using var response = await http.GetAsync("api/users/me");
        using var repeated = await http.GetAsync("api/users/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid API key", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, repeated.StatusCode);
        Assert.Equal("Invalid session", JsonNode.Parse(await repeated.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorization_ApiKey_scheme_is_accepted_case_insensitively()
    {
        await using var emulator = await AyonEmulator.StartAsync(new AyonEmulatorOptions { ApiKey = "k123" });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "apikey k123");

        using var response = await http.GetAsync("api/users/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(me["data"]!["isService"]!.GetValue<bool>());
        Assert.Equal(1, emulator.RequestCount);
    }

    [Fact]
    public async Task Graphql_without_key_is_401()
    {
        await using var emulator = await AyonEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        using var response = await http.PostAsync("graphql", new StringContent("{\"query\":\"{ __typename }\"}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
