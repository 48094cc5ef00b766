namespace AyonShotgrid.Grains.Mirror;

/// <summary>An applied ShotGrid event waiting to be written into AYON's event log, and the AYON entity it reached.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.mirrored-event.v1")]
public sealed record MirroredEvent(
    long EventId,
    string EventType,
    string EntityType,
    long EntityId,
    string? AttributeName,
    string AyonId);
