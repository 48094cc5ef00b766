namespace AyonShotgrid.Grains.Http;

/// <summary>
/// When each server last answered a request made within one piece of work (a sync job's run), on the sync's clock.
/// The callers note every answer that is not an outage (anything but no answer, a timeout, 429 or 5xx), so a job can
/// tell a server that is down from one that flaps: Sync:MaxOutage counts from the last answer, not from the first failure.
/// Carried by an AsyncLocal, so only requests the work itself makes count, not the leecher's or another job's.
/// </summary>
public sealed class ServerAnswers(SyncClock clock)
{
    private static readonly AsyncLocal<ServerAnswers?> Current = new();
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SyncClock _clock = clock;

    /// <summary>Notes answers of the requests made by the calling flow (and the tasks it starts) into this instance.</summary>
    public IDisposable Track()
    {
        var previous = Current.Value;
        Current.Value = this;
        return new Restore(previous);
    }

    public DateTimeOffset? LastAnswerFrom(string server)
    {
        lock (_lock)
        {
            return _last.TryGetValue(server, out var at) ? at : null;
        }
    }

    /// <summary>Called by the HTTP caller for each answer of <paramref name="server"/> that shows it reachable.</summary>
    internal static void Answered(string server)
    {
        if (Current.Value is { } answers)
        {
            var now = answers._clock.UtcNow;
            lock (answers._lock)
            {
                answers._last[server] = now;
            }
        }
    }

    private sealed class Restore(ServerAnswers? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
