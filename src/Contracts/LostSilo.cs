using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AyonShotgrid.Contracts;

/// <summary>
/// The one answer to "did this call fail because the silo that held the grain is gone?". Right after a silo dies, calls
/// to grains it hosted fail with <see cref="SiloUnavailableException"/>, <see cref="ConnectionFailedException"/> or an
/// <see cref="OrleansMessageRejectionException"/> ("rejecting message to known-dead silo") until the cluster has declared
/// it dead and the grain can be activated elsewhere; such a call is worth sending again. A grain's own "no" is not.
/// </summary>
public static class LostSilo
{
    /// <summary>
    /// True when the failure, or one it wraps (inner exceptions, every exception of an <see cref="AggregateException"/>
    /// that has one), is a lost silo: a grain calling a grain on the dead silo passes that failure on inside its own.
    /// </summary>
    public static bool Is(Exception exception) => exception switch
    {
        SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        { InnerException: { } inner } => Is(inner),
        _ => false,
    };

    /// <summary>
    /// <see cref="Is"/>, or a call that did not answer in time: a silo that died without notice holds the calls sent to
    /// it until the response timeout, and the cluster has not declared it dead yet.
    /// </summary>
    public static bool IsOrSilent(Exception exception) => exception is TimeoutException || Is(exception);

    /// <summary>
    /// Calls <paramref name="call"/> until it answers, sending it again with backoff while it fails on a lost silo, within
    /// the <paramref name="retry"/> limits; any other failure, or the last lost-silo failure, is thrown. Only for calls
    /// that are safe to repeat: a write that reached a dying silo may have been done. The awaits keep the caller's
    /// context on purpose (no ConfigureAwait(false)): a grain's call must run again on the grain's scheduler.
    /// </summary>
    public static async Task<T> RetryAsync<T>(
        Func<Task<T>> call, LostSiloRetry retry, Action<int, Exception>? onLostSilo = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        clock ??= TimeProvider.System;
        var started = clock.GetTimestamp();
        var pause = retry.FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = call();
                return retry.AttemptTimeout is { } timeout ? await answer.WaitAsync(timeout, clock, cancellationToken) : await answer;
            }
            catch (Exception e) when (attempt < retry.Attempts && !cancellationToken.IsCancellationRequested
                && (retry.TimeoutsMeanLost ? IsOrSilent(e) : Is(e)) && clock.GetElapsedTime(started) + pause < retry.Deadline)
            {
                onLostSilo?.Invoke(attempt, e);
                await Task.Delay(pause, clock, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, retry.LongestPause.Ticks));
            }
        }
    }

    /// <inheritdoc cref="RetryAsync{T}"/>
    public static Task RetryAsync(
        Func<Task> call, LostSiloRetry retry, Action<int, Exception>? onLostSilo = null, TimeProvider? clock = null, CancellationToken cancellationToken = default) =>
        RetryAsync(async () => { await call(); return true; }, retry, onLostSilo, clock, cancellationToken);
}
