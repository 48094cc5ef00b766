using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>An event row as REST reads it: <c>entity</c> is evaluated at read time and reads null while the target is retired.</summary>
/// <summary>A field value written to the answer as it is (see <see cref="EventLogRow.Raw"/>).</summary>
internal sealed record RawValue(JsonNode? Node);

internal sealed class EventRecordView(EventLogRow row, ShotGridStore store) : IRecordView
{
    public string Type => "EventLogEntry";

    public long Id => row.Id;

    public EventLogRow Row => row;

    public object? Get(string field) => row.Raw is { } raw && raw.TryGetValue(field, out var given) ? new RawValue(given) : field switch
    {
        "id" => row.Id,
        "event_type" => row.EventType,
        "attribute_name" => row.AttributeName,
        "meta" => row.Meta,
        "entity" => store.IsLive(row.EntityType, row.EntityId) ? new EntityLink(row.EntityType, row.EntityId) : null,
        "user" => row.User is null ? null : new EntityLink(row.User.Type, row.User.Id),
        "project" => row.ProjectId is { } p ? new EntityLink("Project", p) : null,
        "created_at" => row.CreatedAt,
        _ => null,
    };
}
