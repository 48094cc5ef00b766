using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators;

/// <summary>
/// A JSON object kept as its UTF-8 text. Stored rows (events, folder and task attributes) keep their JSON this way: a
/// <see cref="JsonObject"/> tree is several times the size of its text, and a million-entity project holds millions
/// of them. Every read parses a tree of its own, so a caller can change it without touching the row. Compiled into
/// both emulators (source link).
/// </summary>
internal static class JsonBlob
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static byte[] From(JsonObject? value) => value is null || value.Count == 0 ? EmptyObject : JsonSerializer.SerializeToUtf8Bytes(value);

    public static JsonObject ToObject(byte[] blob) => JsonNode.Parse(blob)!.AsObject();
}
