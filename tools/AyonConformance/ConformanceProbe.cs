using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AyonShotgrid.Tools.AyonConformance;

/// <summary>
/// Sends one request and prints a line that does not depend on ids or timing: status, body keys and chosen values.
/// The same line from the emulator and the real server should be identical.
/// </summary>
internal sealed partial class ConformanceProbe(HttpClient http, string apiKey, string runId)
{
    private int _step;

    public async Task<JsonNode?> SendAsync(string label, HttpMethod method, string path, JsonNode? body = null,
        string? key = "default", Func<JsonNode?, string>? show = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key == "default" ? apiKey : key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        string line;
        JsonNode? json = null;
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            json = TryParse(text);
            var extra = show?.Invoke(json) ?? Detail(json);
            line = $"status={(int)response.StatusCode} keys={Keys(json)}{(extra.Length > 0 ? " " + extra : "")}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            line = $"transport-error={e.GetType().Name}";
        }

        Console.WriteLine($"[{++_step:D2}] {label}: {Normalise(line)}");
        return json;
    }

    public static string Keys(JsonNode? node) => node switch
    {
        JsonObject o => "[" + string.Join(",", o.Select(p => p.Key).Order(StringComparer.Ordinal)) + "]",
        JsonArray a => $"array({a.Count})",
        null => "null",
        _ => "scalar",
    };

    public static string Detail(JsonNode? node) =>
        node is JsonObject o && o["detail"] is JsonValue d ? $"detail=\"{FirstLine(d.ToString())}\"" : "";

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create("<non-json>");
        }
    }

    /// <summary>Masks what legitimately differs between runs: ids and the run id inside names and codes.</summary>
    private string Normalise(string line)
    {
        line = DashedUuid().Replace(line, "<uuid>");
        line = HexId().Replace(line, "<id>");
        return line.Replace(runId, "<run>", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex DashedUuid();

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex HexId();
}
