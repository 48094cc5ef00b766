using System.Net.Http.Headers;

namespace AyonShotgrid.Grains.Http;

/// <summary>How long to wait before the next attempt of a retried call.</summary>
internal static class RetryDelays
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>A server may ask for longer than our own backoff cap, but not for so long that a caller gives up on us.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Exponential backoff with "equal jitter": half of the exponential step is fixed, half random, so concurrent
    /// grains hitting the same overloaded server spread out while each still waits a predictable minimum.
    /// </summary>
    /// <param name="retryIndex">0 for the wait after the first attempt.</param>
    /// <param name="random">A value in [0, 1).</param>
    public static TimeSpan Backoff(int retryIndex, double random)
    {
        var exponent = Math.Min(retryIndex, 16);
        var step = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (step / 2 * random));
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (delta seconds or an HTTP date), or null when there is none.</summary>
    public static TimeSpan? FromRetryAfter(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        TimeSpan? wanted = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (wanted is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxRetryAfter ? MaxRetryAfter : value;
    }
}
