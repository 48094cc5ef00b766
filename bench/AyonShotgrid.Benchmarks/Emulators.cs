using AyonShotgrid.Emulators;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Benchmarks;

/// <summary>The ShotGrid and AYON emulators of a run, in the benchmark's own process, each with its request log.</summary>
public sealed class Emulators : IAsyncDisposable
{
    private Emulators(ShotGridEmulator shotGrid, AyonEmulator ayon, RequestLog sgLog, RequestLog ayonLog)
    {
        ShotGrid = shotGrid;
        Ayon = ayon;
        ShotGridLog = sgLog;
        AyonLog = ayonLog;
    }

    public ShotGridEmulator ShotGrid { get; }

    public AyonEmulator Ayon { get; }

    public RequestLog ShotGridLog { get; }

    public RequestLog AyonLog { get; }

    public EmulatorLatency ShotGridLatency { get; private init; } = new();

    public EmulatorLatency AyonLatency { get; private init; } = new();

    public static async Task<Emulators> StartAsync(CancellationToken ct)
    {
        var sgLog = new RequestLog();
        var ayonLog = new RequestLog();
        var sgLatency = new EmulatorLatency();
        var ayonLatency = new EmulatorLatency();
        var shotGrid = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions { RequestTap = sgLog.TapAsync, Latency = sgLatency }, ct);
        var ayon = await AyonEmulator.StartAsync(new AyonEmulatorOptions { RequestTap = ayonLog.TapAsync, Latency = ayonLatency }, ct);
        return new Emulators(shotGrid, ayon, sgLog, ayonLog) { ShotGridLatency = sgLatency, AyonLatency = ayonLatency };
    }

    /// <summary>An AYON emulator of its own, with no latency (the request floor replays the sync's writes into an empty one).</summary>
    public static Task<AyonEmulator> StartAyonAsync(CancellationToken ct) => AyonEmulator.StartAsync(new AyonEmulatorOptions(), ct);

    /// <summary>Sets the latency both emulators add to every answer (<see cref="LatencyProfile.Loopback"/>: none).</summary>
    public void Apply(LatencyProfile latency)
    {
        ShotGridLatency.PerRequest = TimeSpan.FromMilliseconds(latency.ShotGridRequestMs);
        ShotGridLatency.PerItem = TimeSpan.FromMilliseconds(latency.ShotGridRecordMs);
        AyonLatency.PerRequest = TimeSpan.FromMilliseconds(latency.AyonRequestMs);
        AyonLatency.PerItem = TimeSpan.FromMilliseconds(latency.AyonOperationMs);
    }

    public async ValueTask DisposeAsync()
    {
        await Ayon.DisposeAsync();
        await ShotGrid.DisposeAsync();
    }
}
