using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

/// <summary>A started emulator plus a plain HttpClient that sends its API key.</summary>
public sealed class AyonTestClient : IAsyncDisposable
{
    private AyonTestClient(AyonEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUrl };
        Http.DefaultRequestHeaders.Add("x-api-key", emulator.ApiKey);
    }

    public AyonEmulator Emulator { get; }
    public HttpClient Http { get; }

    public static async Task<AyonTestClient> StartAsync(AyonEmulatorOptions? options = null) =>
        new(await AyonEmulator.StartAsync(options));

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var json = body is JsonNode node ? node.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);
    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);
    public Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);
    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    /// <summary>Deploys a project with the built-in anatomy and asserts it worked.</summary>
    public async Task DeployAsync(string name, string code)
    {
        var (status, _) = await PostAsync("api/projects", new { name, code });
        Assert.Equal(HttpStatusCode.Created, status);
    }

    /// <summary>Creates a folder over REST and returns its id.</summary>
    public async Task<string> CreateFolderAsync(string project, object folder)
    {
        var (status, body) = await PostAsync($"api/projects/{project}/folders", folder);
        Assert.Equal(HttpStatusCode.Created, status);
        return body!["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> GraphQlAsync(string query, object? variables = null)
    {
        using var response = await Http.PostAsJsonAsync("graphql", new { query, variables });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
