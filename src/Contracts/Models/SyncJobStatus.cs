namespace AyonShotgrid.Contracts.Models;

/// <summary>Status of one sync job as the gateway reports it.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.sync-job-status.v1")]
public sealed record SyncJobStatus(
    string JobId,
    long SgProjectId,
    string? AyonProjectName,
    SyncJobState State,
    bool OverrideDifferences,
    string Phase,
    int ProgressPercent,
    SyncCounts Counts,
    IReadOnlyList<SyncIssue> Issues,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempt)
{
    public bool IsFinished => State is SyncJobState.Succeeded or SyncJobState.Failed;
}
