
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Entities;

/// <summary>What an entity grain needs to know of its project to create itself in AYON.</summary>
/// <param name="DuplicateNamePolicy">The project's Sync:DuplicateNamePolicy ("suffix" or "skip"), as the full sync reads it.</param>
/// <param name="Hierarchy">Where top-level entities land (the project's hierarchy preset, as the full sync reads it); null is flat.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.project-context.v1")]
public sealed record ProjectContext(
    string AyonProjectName,
    IReadOnlyDictionary<string, string> Navchains,
    IReadOnlyList<StatusEntry> Statuses,
    IReadOnlyList<string> TaskTypes,
    string? DefaultTaskType = null,
    string DuplicateNamePolicy = "suffix",
    HierarchyPreset? Hierarchy = null);

/// <summary>An AYON status with its short name (the ShotGrid code) and scope.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.status-entry.v1")]
public sealed record StatusEntry(string Name, string ShortName, IReadOnlyList<string>? Scope);
