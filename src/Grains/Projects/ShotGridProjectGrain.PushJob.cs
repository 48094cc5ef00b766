using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Projects;

/// <summary>
/// Sync to ShotGrid jobs: started here like a sync from ShotGrid, one at a time per project (a second start returns the
/// running one), kept beside the sync's own running job and last outcome. Only a project with the push on gets one.
/// </summary>
public sealed partial class ShotGridProjectGrain
{
    private async Task<SyncJobStatus> StartPushJobAsync(SyncRequest request)
    {
        if (state.State.RunningPushJobId is { } runningId
            && await GrainFactory.GetGrain<ISyncJobGrain>(runningId).GetStatusAsync() is { IsFinished: false } running)
        {
            LogAlreadyRunning(logger, SgProjectId, runningId);
            return running;
        }

        if (await PushStatusAsync() is not { Enabled: true })
        {
            throw new SyncOperationException(SyncFailureKind.Conflict, state.State.AyonProjectName is null
                ? $"Sync to ShotGrid needs a prepared project with push on: prepare ShotGrid project {SgProjectId} (POST /api/shotgrid/projects/{SgProjectId}/prepare), then turn the push on."
                : $"Push to ShotGrid is off for AYON project '{state.State.AyonProjectName}': turn it on with PUT /api/shotgrid/projects/{SgProjectId}/settings {{\"pushToShotGrid\": true}}, the sync page's push box, or the AYON project attribute shotgridPush.");
        }

        var jobKey = GrainKeys.Job(Guid.NewGuid());
        state.State.RunningPushJobId = jobKey;
        await state.WriteStateAsync();
        return await GrainFactory.GetGrain<ISyncJobGrain>(jobKey).StartAsync(SgProjectId, state.State.AyonProjectName!, new SyncRequest(RequestedBy: request.RequestedBy, DryRun: request.DryRun, ToShotGrid: true));
    }

    /// <summary>The running push job's status, else the last one's.</summary>
    private async Task<SyncJobStatus?> PushJobStatusAsync() =>
        state.State.RunningPushJobId is { } id && await GrainFactory.GetGrain<ISyncJobGrain>(id).GetStatusAsync() is { } running
            ? running
            : state.State.LastPushJob;

    private async Task OnPushJobFinishedAsync(SyncJobStatus status)
    {
        state.State.LastPushJob = status with { Changes = [] };
        if (state.State.RunningPushJobId == status.JobId)
        {
            state.State.RunningPushJobId = null;
        }

        await state.WriteStateAsync();
    }
}
