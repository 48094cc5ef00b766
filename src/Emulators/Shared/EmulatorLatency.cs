using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators;

/// <summary>
/// Injected latency: every answer is held back <see cref="PerRequest"/> plus <see cref="PerItem"/> for each item it
/// carries (a record of a ShotGrid page, an operation result of an AYON <c>/operations</c> batch), as a server a network
/// away answers. Zero (the default) adds nothing. May be changed while the emulator runs.
/// </summary>
public sealed class EmulatorLatency
{
    private long _perRequestTicks;
    private long _perItemTicks;

    public TimeSpan PerRequest
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _perRequestTicks));
        set => Interlocked.Exchange(ref _perRequestTicks, Math.Max(0, value.Ticks));
    }

    public TimeSpan PerItem
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _perItemTicks));
        set => Interlocked.Exchange(ref _perItemTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>
    /// The pipeline step that holds answers back; outermost, so the hold covers everything the server does.
    /// <paramref name="itemsProperty"/> names the answer's top-level array whose elements count as items.
    /// </summary>
    internal Func<HttpContext, RequestDelegate, Task> Middleware(string itemsProperty) =>
        (http, next) => LatencyMiddleware.InvokeAsync(http, next, PerRequest, PerItem, itemsProperty);
}
