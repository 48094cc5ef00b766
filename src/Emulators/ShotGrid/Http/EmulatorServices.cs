namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>What the endpoints share: the site, its token service and the script's identity.</summary>
internal sealed class EmulatorServices(ShotGridStore store, TokenService tokens, ShotGridFaults faults, ShotGridEmulatorOptions options, long scriptApiUserId)
{
    public ShotGridStore Store { get; } = store;

    public RecordWriter Writer { get; } = new(store, faults.Replacements);

    public TokenService Tokens { get; } = tokens;

    public ShotGridFaults Faults { get; } = faults;

    public ShotGridEmulatorOptions Options { get; } = options;

    public long ScriptApiUserId { get; } = scriptApiUserId;

    private int _requestCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public void CountRequest() => Interlocked.Increment(ref _requestCount);
}
