namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Injected latency: every answer is held back <see cref="PerRequest"/> plus <see cref="PerRecord"/> for each record it
/// returns, as a ShotGrid site a cloud away answers. Zero (the default) adds nothing. May be changed while the emulator runs.
/// </summary>
public sealed class ShotGridLatency
{
    private long _perRequestTicks;
    private long _perRecordTicks;

    public TimeSpan PerRequest
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _perRequestTicks));
        set => Interlocked.Exchange(ref _perRequestTicks, Math.Max(0, value.Ticks));
    }

    public TimeSpan PerRecord
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _perRecordTicks));
        set => Interlocked.Exchange(ref _perRecordTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Outermost step of the pipeline, so the hold covers everything the site does.</summary>
    internal Task InvokeAsync(Microsoft.AspNetCore.Http.HttpContext http, Microsoft.AspNetCore.Http.RequestDelegate next) =>
        LatencyMiddleware.InvokeAsync(http, next, PerRequest, PerRecord, "data");
}
