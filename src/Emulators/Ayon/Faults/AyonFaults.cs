namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Switches that make the emulator misbehave on purpose, so clients' error handling can be tested.</summary>
public sealed class AyonFaults
{
    private readonly Lock _gate = new();
    private readonly List<ScheduledFailure> _scheduled = [];
    private readonly RandomFailures _random = new();
    private TimeSpan _latency;
    private bool _down;
    private bool _rejectAllWrites;
    private Func<string, bool>? _rejectFolderNames;
    private (string Project, Func<System.Text.Json.Nodes.JsonObject, Task> Interlude)? _beforeNextOperations;

    /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="status"/> and an AYON error body.</summary>
    public void FailNext(int count, int status, TimeSpan? retryAfter = null, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _scheduled.Add(new ScheduledFailure(count, status, retryAfter, pathContains));
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

    /// <summary>Delay added before every request is handled.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set { lock (_gate) { _latency = value; } }
    }

    /// <summary>Every request answers 503.</summary>
    public bool Down
    {
        get { lock (_gate) { return _down; } }
        set { lock (_gate) { _down = value; } }
    }

    /// <summary>Folder names for which create operations fail with 400.</summary>
    public Func<string, bool>? RejectFolderNames
    {
        get { lock (_gate) { return _rejectFolderNames; } }
        set { lock (_gate) { _rejectFolderNames = value; } }
    }

    /// <summary>Every entity operation and REST write fails with 403 "forbidden".</summary>
    public bool RejectAllWrites
    {
        get { lock (_gate) { return _rejectAllWrites; } }
        set { lock (_gate) { _rejectAllWrites = value; } }
    }

    /// <summary>
    /// Runs <paramref name="interlude"/> once, with a copy of the body, before the next operations batch on
    /// <paramref name="project"/> is applied: lets a test make another writer win a race against that batch.
    /// </summary>
    public void BeforeNextOperations(string project, Func<System.Text.Json.Nodes.JsonObject, Task> interlude)
    {
        lock (_gate)
        {
            _beforeNextOperations = (project, interlude);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _beforeNextOperations = null;
            _scheduled.Clear();
            _latency = TimeSpan.Zero;
            _down = false;
            _rejectAllWrites = false;
            _rejectFolderNames = null;
        }

        _random.Stop();
    }

    /// <summary>Consumes one scheduled failure that matches <paramref name="path"/>, if any.</summary>
    internal ScheduledFailure? TakeFailure(string path)
    {
        lock (_gate)
        {
            var index = _scheduled.FindIndex(f => f.Remaining > 0 && f.Matches(path));
            if (index < 0)
            {
                return _random.Draw(path) is { } status ? new ScheduledFailure(1, status, null, null) : null;
            }

            var failure = _scheduled[index];
            _scheduled[index] = failure with { Remaining = failure.Remaining - 1 };
            if (_scheduled[index].Remaining == 0)
            {
                _scheduled.RemoveAt(index);
            }

            return failure;
        }
    }

    internal Func<System.Text.Json.Nodes.JsonObject, Task>? TakeOperationsInterlude(string project)
    {
        lock (_gate)
        {
            if (_beforeNextOperations is not { } pending || !string.Equals(pending.Project, project, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            _beforeNextOperations = null;
            return pending.Interlude;
        }
    }

    internal bool IsRejectedFolderName(string name) => RejectFolderNames?.Invoke(name) == true;
}
