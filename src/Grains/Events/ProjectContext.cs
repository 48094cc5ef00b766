namespace AyonShotgrid.Grains.Events;

/// <summary>What an entity grain needs to know of its project to create itself in AYON.</summary>
/// <param name="DuplicateNamePolicy">The project's Sync:DuplicateNamePolicy ("suffix" or "skip"), as the full sync reads it.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.project-context.v1")]
public sealed record ProjectContext(
    string AyonProjectName,
    IReadOnlyDictionary<string, string> Navchains,
    IReadOnlyList<StatusEntry> Statuses,
    IReadOnlyList<string> TaskTypes,
    string? DefaultTaskType = null,
    string DuplicateNamePolicy = "suffix");

/// <summary>An AYON status with its short name (the ShotGrid code) and scope.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.status-entry.v1")]
public sealed record StatusEntry(string Name, string ShortName, IReadOnlyList<string>? Scope);
