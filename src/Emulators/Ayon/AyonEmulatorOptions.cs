namespace AyonShotgrid.Emulators.Ayon;

/// <summary>How an <see cref="AyonEmulator"/> is started.</summary>
public sealed class AyonEmulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; } = 0;

    public string ApiKey { get; set; } = "emulator-ayon-key";

    /// <summary>
    /// True mimics real AYON: attributes written through the API stay inactive (unknown attrib keys are dropped
    /// on writes) until <c>POST /api/system/restart</c>. False applies them at once.
    /// </summary>
    public bool RequireRestartForAttributes { get; set; } = false;

    /// <summary>
    /// How long requests stay unanswered after <c>POST /api/system/restart</c> (the real server: about 5 s while its
    /// worker is replaced). Requests arriving then are held, not refused, and answered when it ends. Zero: none.
    /// </summary>
    public TimeSpan RestartStall { get; set; } = TimeSpan.Zero;

    /// <summary>Sees every request before it is served (the benchmark records requests to replay them bare); must leave the body readable.</summary>
    public Func<HttpContext, Task>? RequestTap { get; set; }

    /// <summary>Injected latency of every answer (none by default); the benchmark's <c>--profile cloud</c> sets it.</summary>
    public EmulatorLatency Latency { get; set; } = new();
}
