using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One ShotGrid project: owns the link to its AYON project, the last sync result, the running job and
/// (with the leecher) the project's event cursor. Key: <see cref="GrainKeys.Project"/>.
/// </summary>
[Alias("ayonsg.IShotGridProjectGrain")]
public interface IShotGridProjectGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the AYON project exists with everything the sync needs. Idempotent.</summary>
    [Alias("PrepareAsync")]
    Task<PrepareResult> PrepareAsync();

    /// <summary>Starts a sync job (or returns the one already running) and answers at once.</summary>
    [Alias("StartSyncAsync")]
    Task<SyncJobStatus> StartSyncAsync(SyncRequest request);

    [Alias("GetStatusAsync")]
    Task<ProjectStatus> GetStatusAsync();

    /// <summary>Called by the job grain when a job ends, so the project records the outcome.</summary>
    [Alias("OnJobFinishedAsync")]
    Task OnJobFinishedAsync(SyncJobStatus status);
}
