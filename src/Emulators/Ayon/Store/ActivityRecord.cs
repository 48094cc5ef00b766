using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// A stored activity (table <c>project_&lt;name&gt;.activities</c>) with its origin reference: the one entity it was
/// posted on. <see cref="Data"/> holds what the caller sent plus what the server adds (origin, author).
/// </summary>
internal sealed record ActivityRecord(
    string Id, string ActivityType, string Body, IReadOnlyList<string> Tags, JsonObject Data,
    string EntityType, string EntityId, string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public EmuActivity ToPublic() => new(Id, ActivityType, Body, EntityType, EntityId, Author, (JsonObject)Data.DeepClone(), CreatedAt, UpdatedAt);
}
