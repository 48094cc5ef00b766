using System.Net.Http.Json;
using System.Text.Json;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>The gateway API as a caller uses it: prepare, sync and wait for the job.</summary>
public static class GatewayCalls
{
    public static async Task<JsonElement> PrepareAsync(this HttpClient gateway, long sgProjectId) =>
        await ReadOkAsync(await gateway.PostAsync($"api/shotgrid/projects/{sgProjectId}/prepare", null));

    public static async Task<JsonElement> SyncAsync(this HttpClient gateway, long sgProjectId, bool overrideDifferences = false)
    {
        var started = await ReadOkAsync(await gateway.PostAsJsonAsync($"api/shotgrid/projects/{sgProjectId}/sync", new { overrideDifferences }));
        var url = started.GetProperty("statusUrl").GetString()!.TrimStart('/');
        return await Eventually.WaitAsync(
            async () => await ReadOkAsync(await gateway.GetAsync(url)),
            job => job.GetProperty("state").GetString() is "succeeded" or "failed",
            $"sync job of ShotGrid project {sgProjectId} to finish",
            TimeSpan.FromSeconds(120));
    }

    public static int Count(this JsonElement job, string counter) => job.GetProperty("counts").GetProperty(counter).GetInt32();

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
