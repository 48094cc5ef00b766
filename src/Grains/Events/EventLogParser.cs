using System.Globalization;
using System.Text.Json;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Events;

/// <summary>Turns an EventLogEntry record into an <see cref="EventLogItem"/>; null for a row that is not an entity event we can route.</summary>
public static class EventLogParser
{
    public static EventLogItem? Parse(SgRecord record, long? ownApiUserId)
    {
        var eventType = record.GetString("event_type");
        var parts = eventType?.Split('_');
        if (parts is not { Length: 3 } || parts[0] != "Shotgun")
        {
            return null;
        }

        // The entity link reads null once the entity is retired; meta keeps the type and id.
        var meta = record.GetAttribute("meta");
        var link = record.GetLink("entity");
        var entityType = MetaString(meta, "entity_type") ?? link?.Type ?? parts[1];
        var entityId = MetaLong(meta, "entity_id") ?? link?.Id;
        var project = record.GetLink("project");

        // Site-wide entities (Pipeline Steps) have no project; they concern every project (ProjectId 0).
        if (entityId is null || (project is null && entityType != "Step"))
        {
            return null;
        }

        var user = record.GetLink("user");
        return new EventLogItem(
            record.Id,
            eventType!,
            parts[2],
            entityType,
            entityId.Value,
            project?.Id ?? 0,
            record.GetString("attribute_name"),
            meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("in_create", out var inCreate) && inCreate.ValueKind == JsonValueKind.True,
            ownApiUserId is { } own && user is { Type: "ApiUser" } && user.Id == own,
            ParseTime(record.GetString("created_at")));
    }

    private static string? MetaString(JsonElement? meta, string name) =>
        meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? MetaLong(JsonElement? meta, string name) =>
        meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
            : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), out var s) ? s : null
            : null;

    private static DateTimeOffset ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : DateTimeOffset.MinValue;
}
