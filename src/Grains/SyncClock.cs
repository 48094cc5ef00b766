namespace AyonShotgrid.Grains;

/// <summary>
/// The clock of the sync's own decisions (job timestamps, event settle windows). Separate from the TimeProvider that
/// Orleans and the HTTP clients use, so tests can move the sync's time forward without stopping the runtime's timers.
/// </summary>
public sealed class SyncClock(TimeProvider time)
{
    public static SyncClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
