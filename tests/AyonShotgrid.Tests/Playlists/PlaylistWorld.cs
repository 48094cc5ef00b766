using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Playlists;

/// <summary>
/// A synced one-shot project with published versions on both sides: AYON versions under the shot (written over HTTP
/// as a person would), ShotGrid Versions of the shot, linked by <c>sg_ayon_id</c> as the push links them, or not.
/// </summary>
public sealed class PlaylistWorld(SyncFixture fixture, string name, long projectId, long shot)
{
    public string Name { get; } = name;

    public long ProjectId { get; } = projectId;

    public long Shot { get; } = shot;

    private ShotGridStore Sg => fixture.ShotGrid.Store;

    public static async Task<PlaylistWorld> SyncedAsync(SyncFixture fixture, string stem)
    {
        var project = await fixture.SyncedOneShotProjectAsync(stem);
        return new PlaylistWorld(fixture, project.Name, project.ProjectId, project.Shot);
    }

    /// <summary>
    /// <paramref name="count"/> versions in AYON (one product under the shot) and as many ShotGrid Versions; the first
    /// <paramref name="linked"/> of them carry their AYON version's id in <c>sg_ayon_id</c>.
    /// </summary>
    public async Task<(long[] Sg, string[] Ayon)> VersionsAsync(int count, int? linked = null)
    {
        var folder = fixture.Ayon.Store.FolderOf(Name, "Shot", Shot).Id;
        var product = Guid.NewGuid().ToString("N");
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var operations = new JsonArray(new JsonObject
        {
            ["type"] = "create", ["entityType"] = "product", ["entityId"] = product,
            ["data"] = new JsonObject { ["name"] = $"review{Guid.NewGuid().ToString("N")[..6]}", ["folderId"] = folder, ["productType"] = "review" },
        });
        for (var i = 0; i < count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "create", ["entityType"] = "version", ["entityId"] = ids[i],
                ["data"] = new JsonObject { ["version"] = i + 1, ["productId"] = product },
            });
        }

        var answer = await AyonAsync(HttpMethod.Post, $"api/projects/{Name}/operations", new JsonObject { ["operations"] = operations, ["canFail"] = false });
        Assert.True(answer!["success"]!.GetValue<bool>());

        var sg = ids.Select((id, i) => Sg.Create("Version", new()
        {
            ["code"] = $"v{i + 1:000}", ["project"] = TestProjects.Link("Project", ProjectId), ["entity"] = TestProjects.Link("Shot", Shot),
            ["sg_ayon_id"] = i < (linked ?? count) ? id : null,
        })).ToArray();
        return (sg, ids);
    }

    /// <summary>A request to AYON as a person makes it (no cluster sender); fails the test on an error answer.</summary>
    public async Task<JsonNode?> AyonAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public long CreatePlaylist(string code, params long[] versions) => Sg.Create("Playlist", new()
    {
        ["code"] = code, ["project"] = TestProjects.Link("Project", ProjectId),
        ["versions"] = versions.Select(v => TestProjects.Link("Version", v)).ToList(),
    });

    public IReadOnlyList<EmuEntityList> ListsOf(long playlist) =>
        fixture.Ayon.Store.EntityLists(Name).Where(l => l.ShotgridId == playlist.ToString()).ToList();

    /// <summary>Waits until the playlist's one AYON list is as <paramref name="wanted"/> says, and answers it.</summary>
    public async Task<EmuEntityList> WaitForListAsync(long playlist, Func<EmuEntityList, bool> wanted, string what) =>
        (await Eventually.WaitAsync(
            () => Task.FromResult(ListsOf(playlist)),
            lists => lists.Count == 1 && wanted(lists[0]),
            $"playlist {playlist}: {what}"))[0];
}
