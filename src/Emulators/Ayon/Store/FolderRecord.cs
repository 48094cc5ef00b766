using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored folder row. Treated as immutable: writers replace it with a modified copy.</summary>
internal sealed record FolderRecord(
    string Id, string Name, string? Label, string FolderType, string? ParentId, string? ThumbnailId, string Status,
    IReadOnlyList<string> Tags, JsonObject Attrib, JsonObject Data, bool Active, long Sequence,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : AttribAndData(Attrib, Data);
