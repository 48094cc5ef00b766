namespace AyonShotgrid.Contracts;

/// <summary>
/// How long <see cref="LostSilo.RetryAsync{T}"/> keeps sending a call whose silo is gone: at most
/// <see cref="Attempts"/> calls and no pause past <see cref="Deadline"/>, pausing <see cref="FirstPause"/> and doubling up
/// to <see cref="LongestPause"/> between them.
/// </summary>
public sealed record LostSiloRetry(int Attempts, TimeSpan FirstPause, TimeSpan LongestPause)
{
    /// <summary>No pause is started that would end past this much time since the first call.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.MaxValue;

    /// <summary>When set, each call is abandoned (a <see cref="TimeoutException"/>) after this long.</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>A call that times out is sent again too (see <see cref="LostSilo.IsOrSilent"/>).</summary>
    public bool TimeoutsMeanLost { get; init; }
}
