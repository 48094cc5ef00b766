namespace AyonShotgrid.Contracts.Models;

/// <summary>A ShotGrid project as the project list shows it.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.sg-project-summary.v1")]
public sealed record ShotGridProjectSummary(
    long SgProjectId,
    string Name,
    string? Code,
    bool Linked,
    string? AyonProjectName,
    SyncJobState? LastSyncState,
    DateTimeOffset? LastSyncFinishedAt);
