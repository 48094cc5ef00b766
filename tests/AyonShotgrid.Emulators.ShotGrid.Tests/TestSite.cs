using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

/// <summary>A fresh emulator plus an HttpClient that talks to it over loopback, with the token already fetched.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    public const string HashType = "application/vnd+shotgun.api3_hash+json";
    public const string ArrayType = "application/vnd+shotgun.api3_array+json";

    private TestSite(ShotGridEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUrl };
    }

    public ShotGridEmulator Emulator { get; }

    public HttpClient Http { get; }

    public ShotGridStore Store => Emulator.Store;

    public static async Task<TestSite> StartAsync(ShotGridEmulatorOptions? options = null, bool authenticate = true)
    {
        var site = new TestSite(await ShotGridEmulator.StartAsync(options));
        if (authenticate)
        {
            site.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.FetchTokenAsync());
        }

        return site;
    }

    public async Task<string> FetchTokenAsync()
    {
        using var response = await Http.PostAsync("api/v1/auth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = Emulator.ScriptName, ["client_secret"] = Emulator.ScriptKey,
        }));
        response.EnsureSuccessStatusCode();
        return (await ReadJson(response))["access_token"]!.GetValue<string>();
    }

    public async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!, response);
    }

    public Task<(int Status, JsonNode Body, HttpResponseMessage Response)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(int Status, JsonNode Body, HttpResponseMessage Response)> SearchAsync(string slug, JsonObject body, string contentType = HashType) =>
        SendAsync(HttpMethod.Post, $"api/v1/entity/{slug}/_search", body, contentType);

    /// <summary>Ids of a successful _search, in response order.</summary>
    public async Task<List<long>> SearchIdsAsync(string slug, JsonObject body, string contentType = HashType)
    {
        var (status, json, _) = await SearchAsync(slug, body, contentType);
        Assert.True(status == 200, json.ToJsonString());
        return json["data"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();
    }

    public static JsonObject Hash(string op, params JsonNode[] conditions) =>
        new() { ["logical_operator"] = op, ["conditions"] = new JsonArray(conditions) };

    public static JsonArray Cond(string path, string relation, JsonNode? value) => new(JsonValue.Create(path), JsonValue.Create(relation), value);

    public static JsonObject Link(string type, long id) => new() { ["type"] = type, ["id"] = id };

    public static async Task<JsonNode> ReadJson(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static JsonObject FirstError(JsonNode body)
    {
        var error = body["errors"]![0]!.AsObject();
        Assert.Equal(["id", "status", "code", "title", "detail", "source", "meta"], error.Select(p => p.Key).ToArray());
        return error;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
