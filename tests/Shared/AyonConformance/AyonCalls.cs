using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>One answer: status and parsed body (null when empty, a string node when not JSON).</summary>
public sealed record AyonAnswer(HttpStatusCode Status, JsonNode? Body)
{
    public string? Detail => Body is JsonObject o ? o["detail"]?.ToString() : null;

    public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
}

/// <summary>Plain HTTP to an AYON server, as any client would send it; no retries, nothing hidden.</summary>
public sealed class AyonCalls : IDisposable
{
    /// <summary>Pass as <c>key</c> to send no <c>x-api-key</c> header.</summary>
    public const string NoKey = "";

    private readonly HttpClient _http;
    private readonly string _apiKey;

    public AyonCalls(Uri baseUrl, string apiKey)
    {
        _apiKey = apiKey;
        // uvicorn closes idle keep-alive connections after 5 s and can race a request sent at that moment; stay below it.
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl => _http.BaseAddress!;

    public async Task<AyonAnswer> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? key = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        var sentKey = key ?? _apiKey;
        if (sentKey.Length > 0)
        {
            request.Headers.Add("x-api-key", sentKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new AyonAnswer(response.StatusCode, Parse(text));
    }

    public Task<AyonAnswer> GetAsync(string path, string? key = null) => SendAsync(HttpMethod.Get, path, key: key);

    public Task<AyonAnswer> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<AyonAnswer> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<AyonAnswer> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<AyonAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>A GraphQL query; the answer is returned whatever its status (errors are part of what is pinned).</summary>
    public Task<AyonAnswer> GraphQlAsync(string query, JsonObject? variables = null, string? key = null) =>
        SendAsync(HttpMethod.Post, "graphql", new JsonObject { ["query"] = query, ["variables"] = variables ?? [] }, key);

    /// <summary>Creates what the call describes and returns the new id; fails the test on any other answer.</summary>
    public async Task<string> CreateAsync(string path, JsonNode body)
    {
        var answer = await PostAsync(path, body);
        Assert.True(answer.Status == HttpStatusCode.Created, $"POST {path}: {answer}");
        return answer.Body!["id"]!.GetValue<string>();
    }

    /// <summary>Deploys a project with the server's default anatomy.</summary>
    public async Task DeployAsync(string name, string code)
    {
        var answer = await PostAsync("api/projects", new JsonObject { ["name"] = name, ["code"] = code });
        Assert.True(answer.Status == HttpStatusCode.Created, $"deploy {name}: {answer}");
    }

    public void Dispose() => _http.Dispose();

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
