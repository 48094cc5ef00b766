using System.Collections.Concurrent;

namespace AyonShotgrid.Tests.Clients;

/// <summary>
/// Virtual time for the clients' waits: every timer fires at once and moves the clock forward by its due time, and the
/// requested delays are recorded so tests can assert backoff and Retry-After without sleeping.
/// </summary>
public sealed class InstantDelayTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _lock = new();
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private DateTimeOffset _now = start;

    public InstantDelayTimeProvider()
        : this(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new NoopTimer();
        }

        _delays.Enqueue(dueTime);
        Advance(dueTime);
        // Fire on the pool, not inline: Task.Delay stores the timer after CreateTimer returns.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoopTimer();
    }

    private sealed class NoopTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
