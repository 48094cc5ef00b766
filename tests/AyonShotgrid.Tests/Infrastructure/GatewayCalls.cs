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
    public static async Task<JsonElement> SyncAsync(this HttpClient gateway, long sgProjectId, bool overrideDifferences = false, bool dryRun = false)
    {
        var url = await gateway.StartSyncAsync(sgProjectId, overrideDifferences, dryRun);
        return await gateway.WaitForJobAsync(url, job => job.GetProperty("state").GetString() is "succeeded" or "failed", $"sync job of project {sgProjectId} to finish");
    }

    /// <summary>Starts a sync; returns the job's status URL (relative).</summary>
    public static async Task<string> StartSyncAsync(this HttpClient gateway, long sgProjectId, bool overrideDifferences = false, bool dryRun = false)
    {
        var response = await gateway.PostAsJsonAsync($"api/shotgrid/projects/{sgProjectId}/sync", new { overrideDifferences, dryRun });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var started = await ReadOkAsync(response);
        return started.GetProperty("statusUrl").GetString()!.TrimStart('/');
    }

    /// <summary>Polls a job's status until <paramref name="done"/> holds.</summary>
    public static Task<JsonElement> WaitForJobAsync(this HttpClient gateway, string statusUrl, Func<JsonElement, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(async () => await ReadOkAsync(await gateway.GetAsync(statusUrl)), done, what, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>The project's event cursor and counters (<c>events</c> of its status).</summary>
    public static async Task<JsonElement> ProjectEventsAsync(this HttpClient gateway, long sgProjectId) =>
        (await ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{sgProjectId}"))).GetProperty("events");

    public static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The job's change list as (entity id, field, old, new).</summary>
    public static List<(long EntityId, string Field, string? Old, string? New)> Changes(this JsonElement job) =>
        job.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("entityId").GetInt64(), c.GetProperty("field").GetString()!, c.GetProperty("oldValue").GetString(), c.GetProperty("newValue").GetString()))
            .ToList();

    /// <summary>Issues of one kind as (entity id, reason).</summary>
    public static List<(long EntityId, string Reason)> IssuesOf(this JsonElement job, string kind) =>
        job.GetProperty("issues").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == kind)
            .Select(i => (i.GetProperty("entityId").GetInt64(), i.GetProperty("reason").GetString()!))
            .ToList();

    public static int Count(this JsonElement job, string counter) => job.GetProperty("counts").GetProperty(counter).GetInt32();
}
