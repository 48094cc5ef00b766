using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>The end of a job: the outcome stored, the resume reminder gone, the project told.</summary>
public sealed partial class SyncJobGrain
{
    private static readonly LostSiloRetry NotifyRetry = new(Attempts: 30, FirstPause: TimeSpan.FromSeconds(2), LongestPause: TimeSpan.FromSeconds(2))
    {
        TimeoutsMeanLost = true,
    };

    private async Task FinishAsync(SyncJobState outcome, string? error)
    {
        Status = Status with
        {
            State = outcome, Error = error, WaitingFor = null, Phase = outcome == SyncJobState.Succeeded ? "done" : "failed", ProgressPercent = 100, FinishedAt = clock.UtcNow,
        };
        await state.WriteStateAsync();
        await UnregisterResumeAsync();
        LogFinished(logger, this.GetPrimaryKeyString(), outcome, Status.Counts.Created, Status.Counts.AlreadyPresent, Status.Counts.Failed);
        await NotifyProjectAsync();
    }

    /// <summary>
    /// Tells the project grain the job ended. Retried for a while: right after a silo dies, calls to grains it hosted
    /// fail until the cluster has declared it dead. Giving up is harmless — the project also reads the outcome from
    /// this grain (its running job) when asked — so it is only logged.
    /// </summary>
    private async Task NotifyProjectAsync()
    {
        try
        {
            await LostSilo.RetryAsync(
                () => GrainFactory.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(sgOptions.Value.SiteName, Status.SgProjectId)).OnJobFinishedAsync(Snapshot()),
                NotifyRetry);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogNotifyFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    private async Task UnregisterResumeAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} {Outcome}: {Created} created, {Present} already present, {Failed} failed")]
    private static partial void LogFinished(ILogger logger, string jobId, SyncJobState outcome, int created, int present, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} could not tell its project grain that it ended; the project reads the outcome from the job instead")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string jobId);
}
