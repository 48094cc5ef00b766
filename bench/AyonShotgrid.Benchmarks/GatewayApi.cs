using System.Net.Http.Json;
using System.Text.Json;

namespace AyonShotgrid.Benchmarks;

/// <summary>The gateway calls the benchmark makes (prepare, sync, job status), as an AYON addon or curl would.</summary>
public sealed class GatewayApi(Uri gatewayUrl) : IDisposable
{
    private readonly HttpClient _http = Create(gatewayUrl);

    /// <summary>Prepares the project; returns the AYON project name.</summary>
    public async Task<string> PrepareAsync(long sgProjectId, CancellationToken ct) =>
        (await PostAsync($"api/shotgrid/projects/{sgProjectId}/prepare", null, ct)).GetProperty("ayonProjectName").GetString()!;

    /// <summary>Starts a sync and waits for the job to finish; returns its final status.</summary>
    /// <param name="onPhase">Called when the job's phase is first seen (the notes benchmark counts requests from there).</param>
    public async Task<JsonElement> SyncAsync(long sgProjectId, CancellationToken ct, Action<string>? onPhase = null)
    {
        var job = await PostAsync($"api/shotgrid/projects/{sgProjectId}/sync", new { requestedBy = "bench" }, ct);
        var statusUrl = job.GetProperty("statusUrl").GetString()!.TrimStart('/');
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? lastPhase = null;
        while (true)
        {
            var status = await ReadAsync(await _http.GetAsync(statusUrl, ct), ct);
            // Where a sync's time goes, as the job reports it (one line when its phase changes).
            if (status.TryGetProperty("phase", out var phase) && phase.GetString() is { } now && now != lastPhase)
            {
                Phases.Add((clock.Elapsed.TotalSeconds, now));
                lastPhase = now;
                onPhase?.Invoke(now);
            }

            if (status.GetProperty("state").GetString() is "succeeded" or "failed")
            {
                return status;
            }

            await ticker.WaitForNextTickAsync(ct);
        }
    }

    /// <summary>Switches the AYON → ShotGrid push of the project on or off.</summary>
    public async Task SetPushAsync(long sgProjectId, bool enabled, CancellationToken ct)
    {
        using var response = await _http.PutAsJsonAsync($"api/shotgrid/projects/{sgProjectId}/settings", new { pushToShotGrid = enabled }, ct);
        await ReadAsync(response, ct);
    }

    /// <summary>Switches ShotGrid notes → AYON comments of the project on or off.</summary>
    public async Task SetNotesFromShotGridAsync(long sgProjectId, bool enabled, CancellationToken ct)
    {
        using var response = await _http.PutAsJsonAsync($"api/shotgrid/projects/{sgProjectId}/settings", new { notesFromShotGrid = enabled }, ct);
        await ReadAsync(response, ct);
    }

    /// <summary>The project's leecher watermark: every ShotGrid event up to it is done.</summary>
    public async Task<long> EventWatermarkAsync(long sgProjectId, CancellationToken ct) =>
        (await ReadAsync(await _http.GetAsync($"api/shotgrid/projects/{sgProjectId}", ct), ct)).GetProperty("events").GetProperty("watermark").GetInt64();

    /// <summary>The job's phases as the last <see cref="SyncAsync"/> saw them: seconds from the start, phase.</summary>
    public List<(double At, string Phase)> Phases { get; } = [];

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(Uri url)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("x-api-key", ClusterHost.GatewayApiKey);
        return http;
    }

    private async Task<JsonElement> PostAsync(string url, object? body, CancellationToken ct) =>
        await ReadAsync(body is null ? await _http.PostAsync(url, null, ct) : await _http.PostAsJsonAsync(url, body, ct), ct);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
            }

            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
    }
}
