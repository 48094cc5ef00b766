using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored version row (<see cref="Version"/> is the number; negative means the hero version).</summary>
internal sealed record VersionRecord(
    string Id, int Version, string ProductId, string? TaskId, string Author, string Status, IReadOnlyList<string> Tags,
    JsonObject Attrib, JsonObject Data, bool Active, long Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IPublishRecord
{
    /// <summary>The name AYON derives from the number: v001, or HERO for a negative number (measured).</summary>
    public string Name => Version < 0 ? "HERO" : $"v{Version:000}";
}
