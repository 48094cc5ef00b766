using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored task row. Treated as immutable: writers replace it with a modified copy.</summary>
internal sealed record TaskRecord(
    string Id, string Name, string? Label, string TaskType, string FolderId, string? ThumbnailId, string Status,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Assignees, JsonObject Attrib, JsonObject Data, bool Active,
    long Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : AttribAndData(Attrib, Data);
