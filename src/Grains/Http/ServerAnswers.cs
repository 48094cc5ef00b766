namespace AyonShotgrid.Grains.Http;

/// <summary>
/// When a piece of work (a sync job's run) last made progress, on the sync's clock: when AYON last accepted one of its
/// writes. Sync:MaxOutage counts from there, not from the last answer of any kind: a server that answers every read
/// but refuses every write (HTTP 500 on /operations) answers all the time and still lets nothing happen, and a ShotGrid
/// that answers some reads and fails one the sync needs keeps the job from ever reaching a write. A flapping server
/// that lets writes through now and then keeps the job going.
/// Carried by an AsyncLocal, so only requests the work itself makes count, not the leecher's or another job's.
/// </summary>
public sealed class ServerAnswers(SyncClock clock)
{
    private static readonly AsyncLocal<ServerAnswers?> Current = new();
    private readonly Lock _lock = new();
    private readonly SyncClock _clock = clock;
    private DateTimeOffset? _lastProgress;

    /// <summary>Notes the progress of the requests made by the calling flow (and the tasks it starts) into this instance.</summary>
    public IDisposable Track()
    {
        var previous = Current.Value;
        Current.Value = this;
        return new Restore(previous);
    }

    /// <summary>When AYON last accepted a write of this work; null when it has accepted none yet.</summary>
    public DateTimeOffset? LastProgress
    {
        get
        {
            lock (_lock)
            {
                return _lastProgress;
            }
        }
    }

    /// <summary>Called by the HTTP caller for every answer; only an accepted AYON write counts as progress.</summary>
    internal static void Answered(string server, HttpMethod method, string path, int status)
    {
        if (Current.Value is { } work && status is >= 200 and <= 299 && IsAyonWrite(server, method, path))
        {
            var now = work._clock.UtcNow;
            lock (work._lock)
            {
                work._lastProgress = now;
            }
        }
    }

    /// <summary>GraphQL is a read sent as POST; every other AYON call that is not a GET changes something.</summary>
    private static bool IsAyonWrite(string server, HttpMethod method, string path) =>
        server == ServerOutage.Ayon && method != HttpMethod.Get && method != HttpMethod.Head && !path.StartsWith("/graphql", StringComparison.Ordinal);

    private sealed class Restore(ServerAnswers? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
