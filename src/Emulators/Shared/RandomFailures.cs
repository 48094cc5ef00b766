namespace AyonShotgrid.Emulators;

/// <summary>
/// A share of requests answered with an error, drawn from a seeded generator so a test's fault pattern is the same run
/// after run (up to the order in which concurrent requests arrive). Thread-safe.
/// </summary>
internal sealed class RandomFailures
{
    private readonly Lock _lock = new();
    private Random? _random;
    private double _ratio;
    private int[] _statuses = [];
    private string? _pathContains;
    private long _injected;

    public long Injected => Interlocked.Read(ref _injected);

    public void Start(double ratio, int seed, int[] statuses, string? pathContains)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1.0);
        ArgumentOutOfRangeException.ThrowIfZero(statuses.Length);
        lock (_lock)
        {
            _random = new Random(seed);
            _ratio = ratio;
            _statuses = [.. statuses];
            _pathContains = pathContains;
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _random = null;
        }
    }

    /// <summary>The status to answer <paramref name="path"/> with, or null to let it through.</summary>
    public int? Draw(string path)
    {
        lock (_lock)
        {
            if (_random is null || (_pathContains is not null && !path.Contains(_pathContains, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (_random.NextDouble() >= _ratio)
            {
                return null;
            }

            Interlocked.Increment(ref _injected);
            return _statuses[_random.Next(_statuses.Length)];
        }
    }
}
