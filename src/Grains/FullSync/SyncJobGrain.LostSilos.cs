using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// The steps after the hierarchy (playlists, notes) call other grains. When a silo has just died, a call to a grain it
/// hosted fails until the cluster has declared it dead (ConnectionFailedException, SiloUnavailableException); the
/// failover test saw a job with all 834 creates done fail on that. The steps are idempotent, so they are run again
/// once the grain can be reached on a live silo.
/// </summary>
public sealed partial class SyncJobGrain
{
    private const int LostSiloAttempts = 8;

    private async Task<T> RetryPastLostSilosAsync<T>(string step, Func<Task<T>> run, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run();
            }
            catch (Exception e) when (attempt < LostSiloAttempts && !cancellationToken.IsCancellationRequested && IsLostSilo(e))
            {
                LogLostSilo(logger, this.GetPrimaryKeyString(), step, attempt, e.GetType().Name);
                DelayDeactivation(TimeSpan.FromMinutes(5));
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private static bool IsLostSilo(Exception e) =>
        e is SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException
        || (e.InnerException is { } inner && IsLostSilo(inner));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId}: the {Step} step met a lost silo (attempt {Attempt}, {Error}); running it again once the cluster has moved on")]
    private static partial void LogLostSilo(ILogger logger, string jobId, string step, int attempt, string error);
}
