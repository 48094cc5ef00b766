using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored representation row; <see cref="Files"/> is kept as sent, plus the <c>hashType</c> the server adds.</summary>
internal sealed record RepresentationRecord(
    string Id, string Name, string VersionId, JsonArray Files, string Status, IReadOnlyList<string> Tags,
    JsonObject Attrib, JsonObject Data, bool Active, long Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IPublishRecord;
