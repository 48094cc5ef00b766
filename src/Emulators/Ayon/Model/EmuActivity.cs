using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>An activity as a test sees it: the entity it is on, who wrote it, and a copy of its data.</summary>
public sealed record EmuActivity(
    string Id, string ActivityType, string Body, string EntityType, string EntityId, string Author, JsonObject Data,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
