namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline (no fixed sleeps): polls, and fails naming what it waited for.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}");
            }

            await ticker.WaitForNextTickAsync();
        }
    }
}
