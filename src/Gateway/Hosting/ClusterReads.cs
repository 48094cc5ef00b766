using AyonShotgrid.Contracts;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>
/// Reads that survive a silo going away. A read sent to a grain whose silo was just killed fails as a
/// <see cref="LostSilo"/> once the cluster notices, or waits for the client's whole response timeout (minutes, because
/// Prepare waits out AYON restarts) when it does not. A read is safe to repeat: it gets its own short timeout and is
/// retried until the grain answers from a live silo or the deadline passes. Writes are not retried here: a write that
/// reached a dying silo may have been done.
/// </summary>
public static class ClusterReads
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    public static Task<T> ReadAsync<T>(Func<Task<T>> read, TimeProvider? clock = null, TimeSpan? attemptTimeout = null, TimeSpan? deadline = null) =>
        LostSilo.RetryAsync(read, new LostSiloRetry(int.MaxValue, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2))
        {
            Deadline = deadline ?? Deadline,
            AttemptTimeout = attemptTimeout ?? AttemptTimeout,
            TimeoutsMeanLost = true,
        }, clock: clock);
}
