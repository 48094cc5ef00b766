using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// After <c>POST /api/system/restart</c> the old worker of the real server keeps answering for about a second, then
/// for a few seconds connections are accepted but not answered. "Answers again" is therefore not enough: wait until
/// <c>/api/info</c> reports an uptime below the one read before the restart, i.e. the new worker answers.
/// </summary>
public static class RestartWait
{
    public static async Task<double?> UptimeAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            return JsonNode.Parse(await http.GetStringAsync("api/info"))?["uptime"]?.GetValue<double>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Polls until the new worker answers; false when it did not within the deadline.</summary>
    public static async Task<bool> UntilRestartedAsync(Uri baseUrl, double uptimeBefore, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (clock.Elapsed < deadline)
        {
            // Null while the worker is being replaced (no answer within the 1-s timeout).
            if (await UptimeAsync(baseUrl) is { } uptime && uptime < uptimeBefore)
            {
                return true;
            }

            await ticker.WaitForNextTickAsync();
        }

        return false;
    }
}
