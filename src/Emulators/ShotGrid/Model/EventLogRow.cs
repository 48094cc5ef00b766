using AyonShotgrid.Emulators;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>One EventLogEntry as stored. <see cref="EntityId"/> is kept even after retirement; REST reads null the link then.</summary>
/// <param name="Raw">Fields (<c>entity</c>, <c>meta</c>) read back exactly as given, whatever their shape: a malformed row.</param>
public sealed record EventLogRow(
    long Id,
    string EventType,
    string? AttributeName,
    string EntityType,
    long EntityId,
    long? ProjectId,
    StoreActor? User,
    DateTimeOffset CreatedAt,
    JsonObject Meta,
    IReadOnlyDictionary<string, JsonNode?>? Raw = null)
{
    // Kept as UTF-8 JSON, not a JsonObject tree: a seeded million-entity project has millions of rows, and a tree is
    // several times the size of its text. Each read gets a tree of its own (callers could not change the row anyway).
    private readonly byte[] _meta = JsonBlob.From(Meta);

    public JsonObject Meta
    {
        get => JsonBlob.ToObject(_meta);
        init => _meta = JsonBlob.From(value);
    }
}
