using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// A Sync to ShotGrid job: the same grain, status, outage handling and resume as a sync from ShotGrid, running
/// <see cref="Push.SyncToShotGridRun"/>. While it writes, it holds the project's event push (renewed every
/// <see cref="HoldRenewal"/>, lapsing <see cref="HoldFor"/> after a job that is gone), so the two never create the same
/// entity side by side. A dry run writes nothing and holds nothing.
/// </summary>
public sealed partial class SyncJobGrain
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan HoldRenewal = TimeSpan.FromMinutes(1);

    private async Task<SyncOutcome> RunToShotGridAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken)
    {
        if (Status.DryRun)
        {
            return await toShotGrid.RunAsync(Status.SgProjectId, Status.AyonProjectName!, dryRun: true, progress, cancellationToken);
        }

        var push = GrainFactory.GetGrain<IAyonPushGrain>(GrainKeys.Push(sgOptions.Value.SiteName, Status.SgProjectId));
        var jobId = this.GetPrimaryKeyString();
        progress.Report(new SyncProgress("waiting for the event push to finish its round", 1, SyncCounts.Zero, []));
        await RetryPastLostSilosAsync("hold the event push", () => push.HoldForJobAsync(jobId, HoldFor), cancellationToken);
        using var renewal = this.RegisterGrainTimer(RenewHoldAsync, new GrainTimerCreationOptions(HoldRenewal, HoldRenewal));
        try
        {
            return await toShotGrid.RunAsync(Status.SgProjectId, Status.AyonProjectName!, dryRun: false, progress, cancellationToken);
        }
        finally
        {
            // Deactivating mid-run: the hold stays for the resumed run (or lapses). Otherwise the events wait no longer.
            if (!cancellationToken.IsCancellationRequested)
            {
                await ReleaseHoldAsync(push, jobId);
            }
        }

        async Task RenewHoldAsync(CancellationToken token)
        {
            try
            {
                await push.HoldForJobAsync(jobId, HoldFor);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next renewal tries again; the hold lasts three renewals.
                LogHoldRenewalFailed(logger, e, jobId);
            }
        }
    }

    /// <summary>Best effort: a hold not released lapses by itself after <see cref="HoldFor"/>.</summary>
    private async Task ReleaseHoldAsync(IAyonPushGrain push, string jobId)
    {
        try
        {
            await push.ReleaseJobHoldAsync(jobId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHoldRenewalFailed(logger, e, jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync to ShotGrid job {JobId} could not renew or release its hold on the event push; it lapses by itself")]
    private static partial void LogHoldRenewalFailed(ILogger logger, Exception exception, string jobId);
}
