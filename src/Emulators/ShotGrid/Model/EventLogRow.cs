using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>One EventLogEntry as stored. <see cref="EntityId"/> is kept even after retirement; REST reads null the link then.</summary>
/// <param name="Raw">Fields (<c>entity</c>, <c>meta</c>) read back exactly as given, whatever their shape: a malformed row.</param>
public sealed record EventLogRow(
    long Id,
    string EventType,
    string? AttributeName,
    string EntityType,
    long EntityId,
    long? ProjectId,
    StoreActor? User,
    DateTimeOffset CreatedAt,
    JsonObject Meta,
    IReadOnlyDictionary<string, JsonNode?>? Raw = null);
