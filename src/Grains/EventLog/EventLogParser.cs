using System.Globalization;
using System.Text.Json;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// Turns an EventLogEntry record into an <see cref="EventLogItem"/>, or says why a row is not an entity event we can
/// route (no entity id, no project, an entity type that contradicts the event type, fields of the wrong shape).
/// </summary>
public static class EventLogParser
{
    public static EventLogItem? Parse(SgRecord record, long? ownApiUserId) => Read(record, ownApiUserId).Item;

    /// <summary>
    /// The event, or null and the reason it cannot be applied (for the project's malformed-event report); null and no
    /// reason for a row that is nothing to apply (a back-reference echo).
    /// </summary>
    public static (EventLogItem? Item, string? Problem) Read(SgRecord record, long? ownApiUserId)
    {
        // A field of the wrong type is not read as "absent": a user that is not a link would hide our own writes, a
        // project array would drop the event, a string meta would be read as no meta. The row is reported instead.
        if (ShapeProblem(record) is { } shape)
        {
            return (null, $"{record.GetString("event_type") ?? "event"}: {shape}");
        }

        var eventType = record.GetString("event_type");
        var parts = eventType?.Split('_');
        if (parts is not { Length: 3 } || parts[0] != "Shotgun" || parts[1].Length == 0)
        {
            return (null, $"event_type '{eventType ?? "(none)"}' is not Shotgun_<EntityType>_<Kind>");
        }

        // The entity link reads null once the entity is retired; meta keeps the type and id.
        var meta = record.GetAttribute("meta");
        var link = record.GetLink("entity");
        var entityType = MetaString(meta, "entity_type") ?? (link is { Type.Length: > 0 } ? link.Type : null) ?? parts[1];
        var entityId = MetaLong(meta, "entity_id") ?? (link is { Id: > 0 } ? link.Id : null);

        // A back-reference row: ShotGrid's echo, on a link's target, of a write to the link field (a Shot created under a
        // Sequence also writes a Sequence.shots row whose meta names the Shot). A list of children changes only through the
        // children's own link fields, whose rows carry the change: the echo is skipped, neither applied nor reported.
        if (MetaString(meta, "actual_attribute_changed") is not null
            && (meta!.Value.TryGetProperty("added", out _) || meta.Value.TryGetProperty("removed", out _)))
        {
            return (null, null);
        }
        var project = record.GetLink("project");

        if (entityType != parts[1])
        {
            return (null, $"{eventType}: the entity is a '{entityType}', not a '{parts[1]}'");
        }

        if (entityId is null)
        {
            return (null, $"{eventType}: no entity id (entity and meta.entity_id missing, null or not a number)");
        }

        // Site-wide entities (Pipeline Steps) have no project; they concern every project (ProjectId 0).
        if (project is not { Id: > 0 } && entityType != "Step")
        {
            return (null, $"{eventType} {entityType} {entityId}: no project");
        }

        var user = record.GetLink("user");
        return (new EventLogItem(
            record.Id,
            eventType!,
            parts[2],
            entityType,
            entityId.Value,
            project?.Id ?? 0,
            record.GetString("attribute_name"),
            meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("in_create", out var inCreate) && inCreate.ValueKind == JsonValueKind.True,
            ownApiUserId is { } own && user is { Type: "ApiUser" } && user.Id == own,
            ParseTime(record.GetString("created_at"))), null);
    }

    private static string? ShapeProblem(SgRecord record) => SgFieldShapes.First(
        SgFieldShapes.IdProblem(record),
        SgFieldShapes.TextProblem(record, "event_type"),
        SgFieldShapes.TextProblem(record, "attribute_name"),
        SgFieldShapes.DateProblem(record, "created_at"),
        SgFieldShapes.LinkProblem(record, "entity"),
        SgFieldShapes.LinkProblem(record, "project"),
        SgFieldShapes.LinkProblem(record, "user"),
        MetaProblem(record.GetAttribute("meta")));

    /// <summary>meta is an object (or absent/null); its entity_type is text and its entity_id a positive integer when present.</summary>
    private static string? MetaProblem(JsonElement? meta)
    {
        if (meta is not { } m || m.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (m.ValueKind != JsonValueKind.Object)
        {
            return $"field 'meta' is {SgFieldShapes.Describe(m)}, expected an object";
        }

        if (m.TryGetProperty("entity_type", out var type) && type.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return $"field 'meta.entity_type' is {SgFieldShapes.Describe(type)}, expected text";
        }

        return m.TryGetProperty("entity_id", out var id) && id.ValueKind != JsonValueKind.Null && !(id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) && n > 0)
            ? $"field 'meta.entity_id' is {SgFieldShapes.Describe(id)}, expected a positive integer"
            : null;
    }

    private static string? MetaString(JsonElement? meta, string name) =>
        meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? MetaLong(JsonElement? meta, string name) =>
        meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static DateTimeOffset ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : DateTimeOffset.MinValue;
}
