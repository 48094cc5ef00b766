using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// The hold a Sync to ShotGrid job puts on the event push. Both look up <c>sg_ayon_id</c> before creating, but a lookup
/// and its create are not one step: run side by side, the job and a poll could both find a new folder missing and both
/// create it. The job renews the hold as it goes; a job that is gone lets it lapse.
/// </summary>
public sealed partial class AyonPushGrain
{
    async Task<PushStatus> Contracts.Grains.IAyonPushGrain.HoldForJobAsync(string jobId, TimeSpan holdFor)
    {
        var s = state.State;
        if (s.HoldingJobId != jobId)
        {
            LogHeld(logger, SgProjectId, jobId);
        }

        s.HoldingJobId = jobId;
        s.HeldUntil = clock.UtcNow + holdFor;
        await state.WriteStateAsync();
        return Status();
    }

    async Task Contracts.Grains.IAyonPushGrain.ReleaseJobHoldAsync(string jobId)
    {
        var s = state.State;
        if (s.HoldingJobId == jobId)
        {
            s.HoldingJobId = null;
            s.HeldUntil = null;
            await state.WriteStateAsync();
        }
    }

    private bool IsHeldByJob() => state.State is { HoldingJobId: not null, HeldUntil: { } until } && until > clock.UtcNow;

    [LoggerMessage(Level = LogLevel.Information, Message = "AYON → ShotGrid push of ShotGrid project {SgProjectId} held by Sync to ShotGrid job {JobId}: polls push nothing until it ends")]
    private static partial void LogHeld(ILogger logger, long sgProjectId, string jobId);
}
