namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline (no fixed sleeps): polls, and fails naming what it waited for.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan timeout, Func<string>? diagnose = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        Exception? lastError = null;
        T value = default!;
        while (true)
        {
            try
            {
                value = await probe();
                lastError = null;
                if (done(value))
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                // The cluster is allowed to be unreachable for a while (that is what the test provokes).
                lastError = e;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {value}; last error: {lastError?.Message}{Environment.NewLine}{diagnose?.Invoke()}");
            }

            await ticker.WaitForNextTickAsync();
        }
    }
}
