using System.Text.Json;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>Reads ShotGrid REST answers (records, record lists, field schemas).</summary>
internal static class ShotGridJson
{
    /// <summary>
    /// A page of records. The page is cloned once and its records' values point into that one copy: cloning each value
    /// made a document per attribute (about ten per record), which dominated the memory of a large sync.
    /// </summary>
    public static List<SgRecord> ReadRecordList(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            // Each record copied on its own (small, short-lived) rather than the page at once (a large-object allocation).
            ? data.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).Select(r => ReadOwned(r.Clone())).ToList()
            : throw new ShotGridException("ShotGrid answered without a 'data' list.");

    /// <summary>One record, copied out of the answer it was parsed from.</summary>
    public static SgRecord ReadRecord(JsonElement record) => ReadOwned(record.Clone());

    /// <summary>A record whose element already outlives the parsed answer (part of a clone): its values need no copy.</summary>
    private static SgRecord ReadOwned(JsonElement record)
    {
        var type = record.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
        // Only a JSON integer above 0 is an id: "12" or -3 would make us act on a record ShotGrid never had.
        var hasId = record.TryGetProperty("id", out var i);
        var id = hasId && i.ValueKind == JsonValueKind.Number && i.TryGetInt64(out var n) && n > 0 ? n : 0;

        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (record.TryGetProperty("attributes", out var attrs) && attrs.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in attrs.EnumerateObject())
            {
                attributes[p.Name] = p.Value;
            }
        }

        var relationships = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (record.TryGetProperty("relationships", out var rels) && rels.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in rels.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("data", out var link))
                {
                    relationships[p.Name] = link;
                }
            }
        }

        return new SgRecord(type, id, attributes, relationships) { MalformedId = id > 0 ? (JsonElement?)null : hasId ? i : default(JsonElement) };
    }

    /// <summary><c>GET /schema/{Type}/fields</c>: every property is wrapped as <c>{"value": …, "editable": …}</c>.</summary>
    public static Dictionary<string, SgField> ReadFields(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new ShotGridException("ShotGrid answered the schema request without a 'data' object.");
        }

        var fields = new Dictionary<string, SgField>(StringComparer.Ordinal);
        foreach (var field in data.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
        {
            var properties = field.Value.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            fields[field.Name] = new SgField(
                field.Name,
                WrappedString(field.Value, "name") ?? field.Name,
                WrappedString(field.Value, "data_type") ?? "",
                WrappedStrings(properties, "valid_values"),
                WrappedMap(properties, "display_values"),
                WrappedStrings(properties, "valid_types"));
        }

        return fields;
    }

    private static JsonElement? Unwrap(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object
        && parent.TryGetProperty(name, out var wrapper)
        && wrapper.ValueKind == JsonValueKind.Object
        && wrapper.TryGetProperty("value", out var value)
            ? value
            : null;

    private static string? WrappedString(JsonElement parent, string name) =>
        Unwrap(parent, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static List<string> WrappedStrings(JsonElement parent, string name) =>
        Unwrap(parent, name) is { ValueKind: JsonValueKind.Array } v
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static Dictionary<string, string> WrappedMap(JsonElement parent, string name) =>
        Unwrap(parent, name) is { ValueKind: JsonValueKind.Object } v
            ? v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
            : [];
}
