using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests.Conformance;

/// <summary>One request/response pair recorded on a live ShotGrid site (Recorded/ruby_vcr_excerpts.json).</summary>
internal sealed record RecordedPair(
    string Name, string Method, string Path, string? ContentType, JsonNode? Body,
    int Status, string? ResponseContentType, bool HasRequestId, bool HasETag, JsonNode? ResponseBody)
{
    private static readonly Lazy<IReadOnlyDictionary<string, RecordedPair>> All = new(Load);

    public static IReadOnlyDictionary<string, RecordedPair> ByName => All.Value;

    public static JsonObject EventLogExamples =>
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Recorded", "event_log_examples.json")))!["examples"]!.AsObject();

    private static IReadOnlyDictionary<string, RecordedPair> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Recorded", "ruby_vcr_excerpts.json")))!;
        return root["examples"]!.AsObject().ToDictionary(e => e.Key, e =>
        {
            var request = e.Value!["request"]!;
            var response = e.Value["response"]!;
            return new RecordedPair(
                e.Key, request["method"]!.GetValue<string>(), request["path"]!.GetValue<string>(), request["content_type"]?.GetValue<string>(),
                request["body"]?.DeepClone(), response["status"]!.GetValue<int>(), response["content_type"]?.GetValue<string>(),
                response["has_x_request_id"]!.GetValue<bool>(), response["has_etag"]!.GetValue<bool>(), response["body"]?.DeepClone());
        });
    }
}
