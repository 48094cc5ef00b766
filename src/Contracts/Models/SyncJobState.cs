namespace AyonShotgrid.Contracts.Models;

/// <summary>Life cycle of a sync job.</summary>
[GenerateSerializer, Alias("ayonsg.sync-job-state.v1")]
public enum SyncJobState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
