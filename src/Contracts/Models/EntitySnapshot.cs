namespace AyonShotgrid.Contracts.Models;

/// <summary>
/// A ShotGrid entity as read for the events of one poll, handed to its entity grain so that a burst of new entities
/// costs one ShotGrid query per type instead of one per entity. <paramref name="Exists"/> false: not readable (retired).
/// <paramref name="Problem"/>: ShotGrid answered the entity with a field of the wrong type (named in it); it is reported, not created.
/// <paramref name="AttribJson"/> holds the mapped AYON attribute values as JSON text, so a leecher create carries what a
/// full sync's create would.
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
    string? Problem = null,
    IReadOnlyList<EntityRefSnapshot>? Assignees = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? AttribJson = null);

/// <summary>A ShotGrid link inside a snapshot (a task assignee: HumanUser or Group).</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.entity-ref-snapshot.v1")]
public sealed record EntityRefSnapshot(string Type, long Id, string? Name);
