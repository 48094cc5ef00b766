using AyonShotgrid.Contracts;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// The steps after the hierarchy (playlists, notes) call other grains. When a silo has just died, a call to a grain it
/// hosted fails until the cluster has declared it dead (<see cref="LostSilo"/>); the failover test saw a job with all
/// 834 creates done fail on that. The steps are idempotent, so they are run again once the grain can be reached on a
/// live silo.
/// </summary>
public sealed partial class SyncJobGrain
{
    private static readonly LostSiloRetry StepRetry = new(Attempts: 8, FirstPause: TimeSpan.FromSeconds(1), LongestPause: TimeSpan.FromSeconds(10));

    private Task<T> RetryPastLostSilosAsync<T>(string step, Func<Task<T>> run, CancellationToken cancellationToken) =>
        LostSilo.RetryAsync(run, StepRetry, (attempt, e) =>
        {
            LogLostSilo(logger, this.GetPrimaryKeyString(), step, attempt, e.GetType().Name);
            DelayDeactivation(TimeSpan.FromMinutes(5));
        }, cancellationToken: cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId}: the {Step} step met a lost silo (attempt {Attempt}, {Error}); running it again once the cluster has moved on")]
    private static partial void LogLostSilo(ILogger logger, string jobId, string step, int attempt, string error);
}
