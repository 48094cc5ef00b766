namespace AyonShotgrid.Contracts.Models;

/// <summary>
/// A ShotGrid entity as read for the events of one poll, handed to its entity grain so that a burst of new entities
/// costs one ShotGrid query per type instead of one per entity. <paramref name="Exists"/> false: not readable (retired).
/// <paramref name="Problem"/>: ShotGrid answered the entity with a field of the wrong type (named in it); it is reported, not created.
/// </summary>
[GenerateSerializer, Immutable, Alias("ayonsg.entity-snapshot.v1")]
public sealed record EntitySnapshot(
    bool Exists,
    string Code,
    string? ParentType,
    long? ParentId,
    string? AssetType,
    string? StepCode,
    string? Status,
    string? Problem = null);
