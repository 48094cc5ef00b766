using System.Globalization;
using System.Text.Json;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Checks that the fields a reader relies on have the type ShotGrid documents for them, and describes the ones that do
/// not. The lenient getters of <see cref="SgRecord"/> read a wrong type as "absent", which misreads silently (a Shot
/// whose sequence link came back as a string lands at the project root); readers ask here first and report instead.
/// </summary>
public static class SgFieldShapes
{
    private const int ShownLength = 40;

    /// <summary>Null when the record's id is a positive integer; else what it was ("id is a string (\"12\")").</summary>
    public static string? IdProblem(SgRecord record) =>
        record.MalformedId is { } raw ? $"id is {Describe(raw)}, expected a positive integer" : null;

    /// <summary>Null when <paramref name="field"/> is absent, null or text.</summary>
    public static string? TextProblem(SgRecord record, string field) =>
        record.Attributes.TryGetValue(field, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
            ? $"field '{field}' is {Describe(v)}, expected text"
            : null;

    /// <summary>Null when <paramref name="field"/> is absent, null or a date-time text.</summary>
    public static string? DateProblem(SgRecord record, string field) =>
        record.Attributes.TryGetValue(field, out var v) && v.ValueKind != JsonValueKind.Null
            && !(v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            ? $"field '{field}' is {Describe(v)}, expected a date"
            : null;

    /// <summary>Null when <paramref name="field"/> is absent, null or an entity link (an object with a type name and a positive integer id).</summary>
    public static string? LinkProblem(SgRecord record, string field)
    {
        if (record.Relationships.TryGetValue(field, out var link))
        {
            return link.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object when LinkMemberProblem(link) is { } member => $"field '{field}' is a link whose {member}",
                JsonValueKind.Object => null,
                _ => $"field '{field}' is {Describe(link)}, expected an entity link",
            };
        }

        // A link answered among the scalars is not where a link belongs: reading it as "no link" would misplace the entity.
        return record.Attributes.TryGetValue(field, out var v) && v.ValueKind != JsonValueKind.Null
            ? $"field '{field}' is {Describe(v)}, expected an entity link"
            : null;
    }

    /// <summary>The first problem of several checks, or null.</summary>
    public static string? First(params string?[] problems) => problems.FirstOrDefault(p => p is not null);

    /// <summary>A short, safe description of a JSON value: its kind and (truncated) text.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "missing",
        JsonValueKind.Null => "null",
        JsonValueKind.String => $"a string ({Shorten(JsonSerializer.Serialize(value.GetString()))})",
        JsonValueKind.Number => $"a number ({Shorten(value.GetRawText())})",
        JsonValueKind.True or JsonValueKind.False => $"a boolean ({value.GetRawText()})",
        JsonValueKind.Array => $"an array ({Shorten(value.GetRawText())})",
        _ => $"an object ({Shorten(value.GetRawText())})",
    };

    private static string? LinkMemberProblem(JsonElement link)
    {
        if (!link.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(type.GetString()))
        {
            return $"type is {(link.TryGetProperty("type", out var t) ? Describe(t) : "missing")}, expected an entity type name";
        }

        return link.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) && n > 0
            ? null
            : $"id is {(link.TryGetProperty("id", out var i) ? Describe(i) : "missing")}, expected a positive integer";
    }

    private static string Shorten(string text) => text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), "…");
}
