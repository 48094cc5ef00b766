namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Injected latency: every answer is held back <see cref="PerRequest"/> plus <see cref="PerOperation"/> for each
/// operation result of an <c>/operations</c> batch, as an AYON server across a network answers. Zero (the default) adds
/// nothing. May be changed while the emulator runs.
/// </summary>
public sealed class AyonLatency
{
    private long _perRequestTicks;
    private long _perOperationTicks;

    public TimeSpan PerRequest
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _perRequestTicks));
        set => Interlocked.Exchange(ref _perRequestTicks, Math.Max(0, value.Ticks));
    }

    public TimeSpan PerOperation
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _perOperationTicks));
        set => Interlocked.Exchange(ref _perOperationTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Outermost step of the pipeline, so the hold covers everything the server does.</summary>
    internal Task InvokeAsync(HttpContext http, RequestDelegate next) =>
        LatencyMiddleware.InvokeAsync(http, next, PerRequest, PerOperation, "operations");
}
