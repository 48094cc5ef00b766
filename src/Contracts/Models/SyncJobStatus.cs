using System.Text.Json.Serialization;

namespace AyonShotgrid.Contracts.Models;

/// <summary>
/// Status of one sync job: what the job grain stores and returns, and what the gateway answers (as it is, the job id in
/// its public form). A member added here is stored, returned and shown without another edit.
/// </summary>
/// <param name="Changes">Fields of existing entities the job changed (a dry run: would change, and what it would create). Capped, see <paramref name="ChangesOmitted"/>.</param>
/// <param name="DryRun">The job only planned; nothing was written to AYON.</param>
/// <param name="ChangesOmitted">Changes made but left out of <paramref name="Changes"/> because the list reached its cap.</param>
/// <param name="WaitingFor">"AYON" or "ShotGrid" while a running job waits for that server to answer again.</param>
/// <param name="WaitingSince">When the current outage streak began.</param>
/// <param name="ToShotGrid">A "Sync to ShotGrid" job: AYON → ShotGrid, counts and changes are of ShotGrid entities.</param>
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
    int Attempt,
    IReadOnlyList<SyncChange>? Changes = null,
    bool DryRun = false,
    int ChangesOmitted = 0,
    string? WaitingFor = null,
    DateTimeOffset? WaitingSince = null,
    bool ToShotGrid = false)
{
    [JsonIgnore]
    public bool IsFinished => State is SyncJobState.Succeeded or SyncJobState.Failed;
}
