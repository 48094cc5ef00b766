using System.Globalization;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Applies <see cref="AyonFaults"/> before a request reaches the API.</summary>
internal static class FaultGate
{
    /// <summary>True when the request was answered by a fault and must not go further.</summary>
    public static async Task<bool> TryAnswerAsync(HttpContext http, AyonStore store)
    {
        var stall = store.StalledUntil - store.Time.GetUtcNow();
        if (stall > TimeSpan.Zero)
        {
            await Task.Delay(stall, store.Time, http.RequestAborted);
        }

        var faults = store.Faults;
        var latency = faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        if (faults.Down)
        {
            await WriteAsync(http, 503, "Service unavailable", null);
            return true;
        }

        var path = http.Request.Path.Value ?? "";
        if (faults.TakeFailure(path) is { } failure)
        {
            await WriteAsync(http, failure.Status, $"Injected failure {failure.Status}", failure.RetryAfter);
            return true;
        }

        if (faults.RejectAllWrites && IsRestWrite(http.Request))
        {
            await WriteAsync(http, 403, "forbidden", null);
            return true;
        }

        return false;
    }

    /// <summary>Batch operations report the rejection per op instead; GraphQL only reads.</summary>
    private static bool IsRestWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && request.Path.StartsWithSegments("/api")
        && !(request.Path.Value ?? "").EndsWith("/operations", StringComparison.Ordinal);

    private static Task WriteAsync(HttpContext http, int status, string detail, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return AyonResults.Error(status, detail).ExecuteAsync(http);
    }
}
