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

    public static async Task<Emulators> StartAsync(CancellationToken ct)
    {
        var sgLog = new RequestLog();
        var ayonLog = new RequestLog();
        var shotGrid = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions { RequestTap = sgLog.TapAsync }, ct);
        var ayon = await StartAyonAsync(ayonLog, ct);
        return new Emulators(shotGrid, ayon, sgLog, ayonLog);
    }

    /// <summary>An AYON emulator of its own (the request floor replays the sync's writes into an empty one).</summary>
    public static Task<AyonEmulator> StartAyonAsync(RequestLog? log, CancellationToken ct) =>
        AyonEmulator.StartAsync(new AyonEmulatorOptions { RequestTap = log is null ? null : log.TapAsync }, ct);

    public async ValueTask DisposeAsync()
    {
        await Ayon.DisposeAsync();
        await ShotGrid.DisposeAsync();
    }
}
