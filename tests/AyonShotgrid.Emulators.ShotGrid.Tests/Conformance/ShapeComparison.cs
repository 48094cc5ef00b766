using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AyonShotgrid.Emulators.ShotGrid.Tests.Conformance;

/// <summary>
/// Compares an emulator answer with a recorded one, collecting every difference. Structure is compared exactly (key sets,
/// <c>links</c>, error envelopes, link values); field values are compared where the seed gives the emulator the same
/// data, and by format where they are times. What the recorded site had and the emulator deliberately has not (its own
/// custom fields, images, the size of its asset list) is listed in <see cref="ShotGridConformanceTests"/> with the reason.
/// </summary>
internal sealed partial class ShapeComparison(IReadOnlySet<string> emulatorFields)
{
    // Annotations the trimming of the recordings added (original sizes), not part of ShotGrid's answer.
    private static readonly HashSet<string> TrimNotes = ["data_count", "relationships_trimmed_from", "data_trimmed_from"];

    public List<string> Differences { get; } = [];

    public void Error(JsonNode expected, JsonNode actual)
    {
        var want = expected["errors"]![0]!.AsObject();
        if (actual["errors"] is not JsonArray { Count: 1 } errors || errors[0] is not JsonObject got)
        {
            Differences.Add($"expected one error, got {actual.ToJsonString()}");
            return;
        }

        Keys("errors[0]", want, got);
        foreach (var key in new[] { "status", "code", "title", "detail", "source", "meta" })
        {
            Same($"errors[0].{key}", want[key], got[key]);
        }

        if (got["id"] is not JsonValue id || !HexId().IsMatch(id.ToString()))
        {
            Differences.Add($"errors[0].id is {got["id"]?.ToJsonString()}, expected 32 hex digits");
        }
    }

    public void Keys(string where, JsonObject expected, JsonObject actual, bool extraAllowed = false)
    {
        var want = expected.Select(p => p.Key).Where(k => !TrimNotes.Contains(k)).ToHashSet();
        var got = actual.Select(p => p.Key).ToHashSet();
        if (want.Except(got).ToList() is { Count: > 0 } missing)
        {
            Differences.Add($"{where}: missing {string.Join(", ", missing)}");
        }

        if (!extraAllowed && got.Except(want).ToList() is { Count: > 0 } extra)
        {
            Differences.Add($"{where}: unexpected {string.Join(", ", extra)}");
        }
    }

    public void Same(string where, JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Differences.Add($"{where}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
        }
    }

    /// <summary>
    /// One entity record. <paramref name="exactAttributes"/>: the answer holds exactly the recorded attribute keys (a create,
    /// or a read of named fields); otherwise the emulator may hold more (fields the recorded site did not have).
    /// </summary>
    public void Record(string where, JsonObject expected, JsonObject actual, bool exactAttributes)
    {
        Keys(where, expected, actual);
        Same($"{where}.type", expected["type"], actual["type"]);
        Same($"{where}.id", expected["id"], actual["id"]);
        Same($"{where}.links", expected["links"], actual["links"]);
        var attributes = actual["attributes"] as JsonObject ?? [];
        foreach (var (name, value) in expected["attributes"] as JsonObject ?? [])
        {
            if (!emulatorFields.Contains(name))
            {
                continue;
            }

            if (!attributes.TryGetPropertyValue(name, out var got))
            {
                Differences.Add($"{where}.attributes: missing {name}");
            }
            else if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && TimeFormat(v.GetValue<string>()) is { } format)
            {
                if (got is not JsonValue g || g.GetValueKind() != JsonValueKind.String || TimeFormat(g.GetValue<string>()) != format)
                {
                    Differences.Add($"{where}.attributes.{name}: expected a time like {v}, got {got?.ToJsonString() ?? "null"}");
                }
            }
            else
            {
                Same($"{where}.attributes.{name}", value, got);
            }
        }

        if (exactAttributes)
        {
            Keys($"{where}.attributes", expected["attributes"] as JsonObject ?? [], attributes);
        }

        var relationships = actual["relationships"] as JsonObject ?? [];
        foreach (var (name, value) in expected["relationships"] as JsonObject ?? [])
        {
            if (!emulatorFields.Contains(name))
            {
                continue;
            }

            if (!relationships.TryGetPropertyValue(name, out var got) || got is not JsonObject link)
            {
                Differences.Add($"{where}.relationships: missing {name}");
                continue;
            }

            // The demo project's imported rows have no updated_by, which no write through the store API can leave.
            if (name == "updated_by" && value!["data"] is null)
            {
                continue;
            }

            Keys($"{where}.relationships.{name}", value!.AsObject(), link);
            Same($"{where}.relationships.{name}.links", value["links"], link["links"]);
            var data = value["data"];
            if (data is JsonObject one)
            {
                Same($"{where}.relationships.{name}.data", one, link["data"]);
            }
            else if (data is JsonArray { Count: > 0 } many && link["data"] is JsonArray { Count: > 0 } gotMany)
            {
                Keys($"{where}.relationships.{name}.data[0]", many[0]!.AsObject(), gotMany[0]!.AsObject());
            }
            else if (data is JsonArray { Count: 0 } || data is null)
            {
                Same($"{where}.relationships.{name}.data", data, link["data"]);
            }
        }
    }

    /// <summary>Create answers write "2021-06-16 08:55:00 UTC", reads "2021-06-16T08:55:30Z".</summary>
    private static string? TimeFormat(string text) =>
        CreateTime().IsMatch(text) ? "create" : ReadTime().IsMatch(text) ? "read" : null;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HexId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$")]
    private static partial Regex CreateTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex ReadTime();
}
