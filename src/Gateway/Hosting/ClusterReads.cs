using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>
/// Reads that survive a silo going away. A read sent to a grain whose silo was just killed fails with
/// <see cref="SiloUnavailableException"/> or <see cref="ConnectionFailedException"/> once the cluster notices, or waits
/// for the client's whole response timeout (minutes, because Prepare waits out AYON restarts) when it does not. A read
/// is safe to repeat: it gets its own short timeout and is retried until the grain answers from a live silo or the
/// deadline passes. Writes are not retried here: a write that reached a dying silo may have been done.
/// </summary>
public static class ClusterReads
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, TimeProvider? clock = null, TimeSpan? attemptTimeout = null, TimeSpan? deadline = null)
    {
        clock ??= TimeProvider.System;
        var started = clock.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await read().WaitAsync(attemptTimeout ?? AttemptTimeout, clock);
            }
            catch (Exception e) when (IsSiloGone(e) && clock.GetElapsedTime(started) + pause < (deadline ?? Deadline))
            {
                await Task.Delay(pause, clock);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    /// <summary>The failures that mean "the silo that held the grain is gone or unreachable", not "the grain said no".</summary>
    public static bool IsSiloGone(Exception e) => e is SiloUnavailableException or ConnectionFailedException or TimeoutException
        or OrleansMessageRejectionException;
}
