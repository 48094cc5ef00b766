using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored folder row. Treated as immutable: writers replace it with a modified copy.</summary>
internal sealed record FolderRecord(
    string Id, string Name, string? Label, string FolderType, string? ParentId, string? ThumbnailId, string Status,
    IReadOnlyList<string> Tags, JsonObject Attrib, JsonObject Data, bool Active, long Sequence,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    // Kept as UTF-8 JSON (see JsonBlob): a million-entity project holds millions of these rows.
    private readonly byte[] _attrib = JsonBlob.From(Attrib);
    private readonly byte[] _data = JsonBlob.From(Data);

    public JsonObject Attrib
    {
        get => JsonBlob.ToObject(_attrib);
        init => _attrib = JsonBlob.From(value);
    }

    public JsonObject Data
    {
        get => JsonBlob.ToObject(_data);
        init => _data = JsonBlob.From(value);
    }
}
