using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored product row. Treated as immutable: writers replace it with a modified copy.</summary>
internal sealed record ProductRecord(
    string Id, string Name, string FolderId, string ProductType, string Status, IReadOnlyList<string> Tags,
    JsonObject Attrib, JsonObject Data, bool Active, long Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IPublishRecord;
