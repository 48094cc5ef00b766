using System.Net.Http.Json;
using System.Text.Json;

namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>The gateway API as a caller uses it, returning parsed JSON.</summary>
public static class GatewayCalls
{
    public static async Task<JsonElement> PrepareAsync(this HttpClient gateway, long sgProjectId)
    {
        var response = await gateway.PostAsync($"api/shotgrid/projects/{sgProjectId}/prepare", null);
        return await ReadOkAsync(response);
    }

    /// <summary>Starts a sync and waits for the job to end; returns the final job document.</summary>
    public static async Task<JsonElement> SyncAsync(this HttpClient gateway, long sgProjectId, bool overrideDifferences = false)
    {
        var response = await gateway.PostAsJsonAsync($"api/shotgrid/projects/{sgProjectId}/sync", new { overrideDifferences });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var started = await ReadOkAsync(response);
        var url = started.GetProperty("statusUrl").GetString()!.TrimStart('/');
        return await Eventually.WaitAsync(
            async () => await ReadOkAsync(await gateway.GetAsync(url)),
            job => job.GetProperty("state").GetString() is "succeeded" or "failed",
            $"sync job of project {sgProjectId} to finish",
            TimeSpan.FromSeconds(60));
    }

    public static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int Count(this JsonElement job, string counter) => job.GetProperty("counts").GetProperty(counter).GetInt32();
}
