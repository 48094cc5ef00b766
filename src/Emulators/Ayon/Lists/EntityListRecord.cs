using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A stored entity list (AYON 1.15's <c>entity_lists</c> row with its items in position order).</summary>
internal sealed record EntityListRecord(
    string Id,
    string EntityListType,
    string EntityType,
    string Label,
    string? Owner,
    JsonObject Attrib,
    JsonObject Data,
    IReadOnlyList<string> Tags,
    bool Active,
    IReadOnlyList<EntityListItemRecord> Items,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One item: the listed entity and the parent folder path the server stores beside it for access checks.</summary>
internal sealed record EntityListItemRecord(
    string Id, string EntityId, string? Label, JsonObject Attrib, JsonObject Data, IReadOnlyList<string> Tags, string FolderPath,
    string? CreatedBy, DateTimeOffset CreatedAt);
