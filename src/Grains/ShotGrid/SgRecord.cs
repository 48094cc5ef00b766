using System.Text.Json;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// One ShotGrid record as the REST API returns it: scalars in <c>attributes</c> (dotted fields under their literal key),
/// links in <c>relationships</c> (the <c>data</c> member only).
/// </summary>
public sealed record SgRecord(
    string Type,
    long Id,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    IReadOnlyDictionary<string, JsonElement> Relationships)
{
    /// <summary>
    /// The record's <c>id</c> as answered when it was not a positive integer (then <see cref="Id"/> is 0, which no
    /// ShotGrid record has); null for a well-formed record. Readers report such a record instead of guessing its id.
    /// </summary>
    public JsonElement? MalformedId { get; init; }

    /// <summary>A text/list/status attribute, or null when absent, null or not a string.</summary>
    public string? GetString(string field) =>
        Attributes.TryGetValue(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool? GetBool(string field) =>
        Attributes.TryGetValue(field, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public long? GetLong(string field) =>
        Attributes.TryGetValue(field, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    /// <summary>A single-entity link (relationship <c>data</c> object), or null when unlinked or absent.</summary>
    public SgEntityRef? GetLink(string field) =>
        Relationships.TryGetValue(field, out var v) && v.ValueKind == JsonValueKind.Object ? ToRef(v) : null;

    /// <summary>A multi-entity link list; empty when absent.</summary>
    public IReadOnlyList<SgEntityRef> GetLinks(string field) =>
        Relationships.TryGetValue(field, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ToRef).ToList()
            : [];

    public JsonElement? GetAttribute(string field) => Attributes.TryGetValue(field, out var v) ? v : null;

    internal static SgEntityRef ToRef(JsonElement e) => new(
        e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "",
        e.TryGetProperty("id", out var i) && i.TryInt64(out var id) ? id : 0,
        e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null);
}
