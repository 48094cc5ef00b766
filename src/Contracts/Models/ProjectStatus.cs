namespace AyonShotgrid.Contracts.Models;

/// <summary>State of one ShotGrid project grain.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.project-status.v1")]
public sealed record ProjectStatus(
    long SgProjectId,
    string? SgProjectName,
    string? AyonProjectName,
    DateTimeOffset? PreparedAt,
    IReadOnlyList<string> Notes,
    string? RunningJobId,
    SyncJobStatus? LastSync,
    LeecherCursorStatus? Events);
