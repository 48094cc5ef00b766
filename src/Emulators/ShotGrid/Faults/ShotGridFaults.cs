namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Switches the resilience tests flip: queued failures, latency, outage, token expiry. Thread-safe.</summary>
public sealed class ShotGridFaults
{
    private readonly Lock _lock = new();
    private readonly List<PlannedFailure> _planned = [];
    private readonly RandomFailures _random = new();
    private readonly ResponseReplacements _replacements = new();
    private readonly Action _expireTokens;
    private long _latencyTicks;
    private int _expireTokensAfter;
    private volatile bool _down;

    internal ShotGridFaults(Action expireTokens) => _expireTokens = expireTokens;

    /// <summary>Added to every request.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>When true every request gets 503.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>The next <paramref name="count"/> requests (whose path contains <paramref name="pathContains"/>, if given) fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status, TimeSpan? retryAfter = null, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            _planned.Add(new PlannedFailure(count, status, retryAfter, pathContains));
        }
    }

    /// <summary>
    /// From now on each request (whose path contains <paramref name="pathContains"/>, if given) fails with one of
    /// <paramref name="statuses"/> with probability <paramref name="ratio"/>; the generator is seeded by <paramref name="seed"/>.
    /// Stops with <see cref="StopFailingRandomly"/> or <see cref="Reset"/>.
    /// </summary>
    public void FailRandomly(double ratio, int seed, int[] statuses, string? pathContains = null) => _random.Start(ratio, seed, statuses, pathContains);

    public void StopFailingRandomly() => _random.Stop();

    /// <summary>Requests answered with a random failure so far.</summary>
    public long RandomFailuresInjected => _random.Injected;

    /// <summary>Every token issued so far becomes invalid (401).</summary>
    public void ExpireTokensNow() => _expireTokens();

    /// <summary>Every token issued so far becomes invalid once <paramref name="requests"/> more requests arrived: a token expiring mid-run.</summary>
    public void ExpireTokensAfter(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        Interlocked.Exchange(ref _expireTokensAfter, requests);
    }

    /// <summary>
    /// From now on every answer that returns record <paramref name="entityType"/> <paramref name="id"/> carries
    /// <paramref name="raw"/> (any JSON, or null) as its <paramref name="field"/>, whatever is stored: <c>id</c> and
    /// <c>type</c> replace the record's own members, a link field replaces the relationship's <c>data</c>, any other field
    /// (known to the schema or not) the attribute. Fields the request did not ask for stay out. Until <see cref="Reset"/>.
    /// </summary>
    public void ReplaceInResponses(string entityType, long id, string field, System.Text.Json.Nodes.JsonNode? raw) =>
        _replacements.Set(entityType, id, field, raw);

    internal ResponseReplacements Replacements => _replacements;

    public void Reset()
    {
        _replacements.Clear();
        lock (_lock)
        {
            _planned.Clear();
        }

        Latency = TimeSpan.Zero;
        Down = false;
        _random.Stop();
        Interlocked.Exchange(ref _expireTokensAfter, 0);
    }

    internal (int Status, TimeSpan? RetryAfter)? TakeFailure(string path)
    {
        if (Volatile.Read(ref _expireTokensAfter) > 0 && Interlocked.Decrement(ref _expireTokensAfter) == 0)
        {
            _expireTokens();
        }

        lock (_lock)
        {
            var index = _planned.FindIndex(p => p.PathContains is null || path.Contains(p.PathContains, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return _random.Draw(path) is { } status ? (status, null) : null;
            }

            var planned = _planned[index];
            if (planned.Remaining <= 1)
            {
                _planned.RemoveAt(index);
            }
            else
            {
                _planned[index] = planned with { Remaining = planned.Remaining - 1 };
            }

            return (planned.Status, planned.RetryAfter);
        }
    }

    private sealed record PlannedFailure(int Remaining, int Status, TimeSpan? RetryAfter, string? PathContains);
}
