namespace AyonShotgrid.Tools.AyonConformance;

/// <summary>
/// After <c>POST /api/system/restart</c> the old worker keeps answering for about a second, then for a few seconds
/// connections are accepted but not answered. "Answers again" is therefore not enough: wait until <c>/api/info</c>
/// reports an uptime below the one read before the restart, i.e. the new worker answers.
/// </summary>
internal static class RestartWait
{
    public static async Task<double?> UptimeAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(1) };
        try
        {
            var info = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("api/info"));
            return info?["uptime"]?.GetValue<double>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static async Task<bool> UntilRestartedAsync(Uri baseUrl, double uptimeBefore)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            // Null while the worker is being replaced (no answer within the timeout).
            if (await UptimeAsync(baseUrl) is { } uptime && uptime < uptimeBefore)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return false;
    }
}
