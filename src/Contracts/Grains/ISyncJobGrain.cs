using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>One sync run. Runs in the cluster, survives the loss of its silo (a reminder resumes it). Key: <see cref="GrainKeys.Job"/>.</summary>
[Alias("ayonsg.ISyncJobGrain")]
public interface ISyncJobGrain : IGrainWithStringKey
{
    /// <summary>Records the job and starts it in the background; returns the queued status.</summary>
    [Alias("StartAsync")]
    Task<SyncJobStatus> StartAsync(long sgProjectId, string ayonProjectName, SyncRequest request);

    /// <summary>Current status; null when no job with this id was ever started.</summary>
    [Alias("GetStatusAsync")]
    Task<SyncJobStatus?> GetStatusAsync();
}
