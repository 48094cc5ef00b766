namespace AyonShotgrid.Grains.Http;

/// <summary>What a <see cref="RetryingHttpCaller"/> needs to know about the server it talks to.</summary>
/// <param name="System">"ShotGrid" or "AYON"; used in log lines and error messages.</param>
/// <param name="MaxAttempts">Attempts of a retried call, the first included.</param>
/// <param name="CircuitBreakDuration">How long calls are refused without being sent once the server looks down.</param>
internal sealed record HttpCallerSettings(
    string System, string BaseUrl, TimeSpan RequestTimeout, int MaxAttempts, TimeProvider Time, TimeSpan CircuitBreakDuration);
