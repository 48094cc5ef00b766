using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.Http;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Running the sync through server outages: an unreachable server does not fail the job; it says "waiting for AYON"
/// (or ShotGrid) and runs the sync again with backoff until the server answers, up to <see cref="SyncOptions.MaxOutage"/>
/// without progress.
/// </summary>
public sealed partial class SyncJobGrain
{
    /// <summary>
    /// Runs the sync; while a server is unreachable, waits with backoff and runs it again (the sync is idempotent, so a
    /// run cut short by the outage is finished by the next one without duplicates).
    /// </summary>
    private async Task<SyncOutcome> RunThroughOutagesAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken)
    {
        var answers = new ServerAnswers(clock);
        for (var retry = 0; ; retry++)
        {
            try
            {
                using var tracking = answers.Track();
                var result = Status.ToShotGrid
                    ? await RunToShotGridAsync(progress, cancellationToken)
                    : await synchronizer.RunAsync(
                        Status.SgProjectId, Status.AyonProjectName!, Status.OverrideDifferences, Status.DryRun, progress, cancellationToken, state.State.HierarchyPreset);
                if (!Status.DryRun && !Status.ToShotGrid)
                {
                    // Playlists after the hierarchy: their lists hold versions, which live under the folders.
                    var playlistIssues = await RetryPastLostSilosAsync("playlists",
                        () => playlists.RunAsync(GrainFactory, sgOptions.Value.SiteName, Status.SgProjectId, Status.AyonProjectName!, cancellationToken), cancellationToken);
                    result = result with { Issues = [.. result.Issues, .. playlistIssues] };
                    await ReloadLeecherIndexAsync();
                    if (state.State.NotesFromShotGrid)
                    {
                        var hierarchy = result;
                        result = await RetryPastLostSilosAsync("notes", () => SyncNotesAsync(hierarchy, cancellationToken), cancellationToken);
                    }
                }

                if (Status.WaitingFor is { } server)
                {
                    LogServerBack(logger, this.GetPrimaryKeyString(), server, clock.UtcNow - (Status.WaitingSince ?? clock.UtcNow));
                }

                Status = Status with { WaitingFor = null, WaitingSince = null };
                return result;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && ServerOutage.Of(e) is { } server)
            {
                await WaitForServerAsync(server, e, answers.LastProgress, retry, cancellationToken);
            }
        }
    }

    /// <summary>Says what the job waits for, or gives up when it has made no progress for Sync:MaxOutage.</summary>
    private async Task WaitForServerAsync(string server, Exception e, DateTimeOffset? lastProgress, int retry, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var since = Status.WaitingSince ?? now;

        // The outage counts from the job's last progress (a write AYON accepted), not from any answer: see ServerAnswers.
        if (lastProgress is { } progressed && progressed > since)
        {
            since = progressed;
        }

        var waited = now - since;
        var reason = Projects.GrainErrors.Describe(e)?.Message ?? e.Message;
        if (waited >= options.Value.MaxOutage)
        {
            Status = Status with { WaitingFor = null, WaitingSince = since };
            throw new OutageGaveUpException(
                $"{server} failed this job for {waited.TotalMinutes:0.#} min: no progress (no write accepted by AYON) since {since:u}, longer than Sync:MaxOutage ({options.Value.MaxOutage}); last answer: {reason}", e);
        }

        if (Status.WaitingFor != server)
        {
            LogWaiting(logger, this.GetPrimaryKeyString(), server, reason);
        }

        Status = Status with
        {
            WaitingFor = server,
            WaitingSince = since,
            Phase = $"waiting for {server} (no progress for {waited.TotalMinutes:0} min; gives up after {options.Value.MaxOutage.TotalMinutes:0} min); last answer: {reason}",
        };
        DelayDeactivation(TimeSpan.FromMinutes(5));
        await state.WriteStateAsync(cancellationToken);
        await Task.Delay(OutageBackoff(retry), cancellationToken);
    }

    /// <summary>1 s doubling up to Sync:OutageRetryInterval, with jitter so jobs waiting on the same server spread out.</summary>
    private TimeSpan OutageBackoff(int retry)
    {
        var cap = options.Value.OutageRetryInterval;
        var step = Math.Min(cap.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(retry, 16)));
        return TimeSpan.FromMilliseconds((step / 2) + (step / 2 * Random.Shared.NextDouble()));
    }

    /// <summary>
    /// The leecher takes in the project settings this sync ran with (a changed hierarchy preset) from now on. Best effort:
    /// it cannot change what the sync did, and when the call fails because the index's silo is gone, the index's next
    /// activation loads the project afresh anyway (a failover drill saw ConnectionFailedException here fail a finished job).
    /// </summary>
    private async Task ReloadLeecherIndexAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(sgOptions.Value.SiteName, Status.SgProjectId)).ReloadIfAttachedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogIndexReloadFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} is waiting for {Server}, which is unreachable: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string jobId, string server, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId}: {Server} answers again after {Waited}; the job carries on")]
    private static partial void LogServerBack(ILogger logger, string jobId, string server, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} could not ask the leecher's project index to reload; it reloads on its next activation or Step event")]
    private static partial void LogIndexReloadFailed(ILogger logger, Exception exception, string jobId);
}
