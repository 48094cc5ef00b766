using System.Diagnostics;
using System.Net.Http.Headers;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// The request floor: the full sync's own requests, the same number and kind with the same bodies, sent again one after
/// another with a bare HttpClient — ShotGrid reads to the same ShotGrid emulator, AYON requests to a fresh AYON
/// emulator (after its Prepare requests, untimed, so every write lands as it did). What is left of the sync's wall
/// time above this is ours: Orleans, planning, JSON handling, waiting.
/// </summary>
public static class RequestFloor
{
    /// <summary>
    /// Replayed with no injected latency: one by one, a cloud profile's floor would be minutes of waiting (the figure
    /// that matters there is the sync's own wall time); the caller turns the latency off around this.
    /// </summary>
    public static async Task<RequestFloorResult> MeasureAsync(Emulators emulators, FullSyncScenario.Outcome sync, double syncSeconds, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromMinutes(2) };
        var failed = 0;

        var token = await MintTokenAsync(http, emulators, ct);
        var sgWatch = Stopwatch.StartNew();
        foreach (var request in sync.ShotGridSyncRequests)
        {
            failed += await SendAsync(http, emulators.ShotGrid.BaseUrl, request, authorization: $"Bearer {token}", ct) ? 0 : 1;
        }

        sgWatch.Stop();

        await using var ayon = await Emulators.StartAyonAsync(ct);
        foreach (var request in sync.AyonPrepareRequests)
        {
            await SendAsync(http, ayon.BaseUrl, request, authorization: null, ct);
        }

        var ayonWatch = Stopwatch.StartNew();
        foreach (var request in sync.AyonSyncRequests)
        {
            failed += await SendAsync(http, ayon.BaseUrl, request, authorization: null, ct) ? 0 : 1;
        }

        ayonWatch.Stop();
        var floor = sgWatch.Elapsed.TotalSeconds + ayonWatch.Elapsed.TotalSeconds;
        Console.WriteLine($"request floor: {sync.ShotGridSyncRequests.Count} SG in {sgWatch.Elapsed.TotalSeconds:F2} s + {sync.AyonSyncRequests.Count} AYON in {ayonWatch.Elapsed.TotalSeconds:F2} s; sync/floor = {syncSeconds / floor:F2}");
        return new RequestFloorResult(sync.ShotGridSyncRequests.Count, sync.AyonSyncRequests.Count, sgWatch.Elapsed.TotalSeconds, ayonWatch.Elapsed.TotalSeconds, floor, syncSeconds / floor, failed);
    }

    private static async Task<string> MintTokenAsync(HttpClient http, Emulators emulators, CancellationToken ct)
    {
        using var response = await http.PostAsync(
            new Uri(emulators.ShotGrid.BaseUrl, "api/v1/auth/access_token"),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", emulators.ShotGrid.ScriptName), new("client_secret", emulators.ShotGrid.ScriptKey)]),
            ct);
        response.EnsureSuccessStatusCode();
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>True when the server answered 2xx (a 404 of a probe for something absent is normal in Prepare).</summary>
    private static async Task<bool> SendAsync(HttpClient http, Uri baseUrl, RecordedRequest recorded, string? authorization, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(new HttpMethod(recorded.Method), new Uri(baseUrl, recorded.PathAndQuery.TrimStart('/')));
        string? contentType = null;
        foreach (var (name, value) in recorded.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && authorization is not null)
            {
                message.Headers.TryAddWithoutValidation(name, authorization);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (recorded.Body.Length > 0 || contentType is not null)
        {
            message.Content = new ByteArrayContent(recorded.Body);
            if (contentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }
}
