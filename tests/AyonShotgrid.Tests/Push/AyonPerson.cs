using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.Ayon;

namespace AyonShotgrid.Tests.Push;

/// <summary>Writes to the AYON emulator over HTTP as a person at a workstation would: no cluster sender on the request.</summary>
public sealed class AyonPerson(AyonEmulator ayon) : IDisposable
{
    private readonly HttpClient _http = Client(ayon);

    public async Task<string> CreateFolderAsync(string project, string name, string folderType, string? parentId, string? label = null)
    {
        var body = new JsonObject { ["name"] = name, ["folderType"] = folderType, ["parentId"] = parentId };
        if (label is not null)
        {
            body["label"] = label;
        }

        return await PostAsync($"api/projects/{project}/folders", body);
    }

    public Task<string> CreateTaskAsync(string project, string name, string taskType, string folderId, string? label = null) =>
        PostAsync($"api/projects/{project}/tasks", new JsonObject { ["name"] = name, ["taskType"] = taskType, ["folderId"] = folderId, ["label"] = label });

    public async Task PatchFolderAsync(string project, string id, JsonObject changes)
    {
        using var response = await _http.PatchAsync($"api/projects/{project}/folders/{id}", JsonContent.Create(changes));
        response.EnsureSuccessStatusCode();
    }

    public async Task PatchVersionAsync(string project, string id, JsonObject changes)
    {
        using var response = await _http.PatchAsync($"api/projects/{project}/versions/{id}", JsonContent.Create(changes));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>One <c>/operations</c> call creating every folder of <paramref name="folders"/> (id, name, type, parent).</summary>
    public async Task CreateManyAsync(string project, IEnumerable<JsonObject> operations)
    {
        var body = new JsonObject { ["operations"] = new JsonArray([.. operations]), ["canFail"] = false };
        using var response = await _http.PostAsJsonAsync($"api/projects/{project}/operations", body);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("success").GetBoolean(), answer.ToString());
    }

    /// <summary>One <c>/operations</c> update of a folder, task or version, as AYON's own UI sends it.</summary>
    public Task UpdateAsync(string project, string entityType, string id, JsonObject data) =>
        CreateManyAsync(project, [new JsonObject { ["type"] = "update", ["entityType"] = entityType, ["entityId"] = id, ["data"] = data }]);

    public Task DeleteAsync(string project, string entityType, string id) =>
        CreateManyAsync(project, [new JsonObject { ["type"] = "delete", ["entityType"] = entityType, ["entityId"] = id }]);

    public void Dispose() => _http.Dispose();

    private async Task<string> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static HttpClient Client(AyonEmulator ayon)
    {
        var http = new HttpClient { BaseAddress = ayon.BaseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", ayon.ApiKey);
        return http;
    }
}
