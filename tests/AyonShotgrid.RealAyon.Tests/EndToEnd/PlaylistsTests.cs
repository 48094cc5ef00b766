using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.RealAyon.Tests.Infrastructure;

namespace AyonShotgrid.RealAyon.Tests.EndToEnd;

/// <summary>ShotGrid Playlists ↔ entity lists of versions on the real server, both directions (push on).</summary>
[Collection(RealAyonCollection.Name)]
public sealed class PlaylistsTests(RealAyonServer server)
{
    private const string ListsQuery = "query($p:String!){ project(name:$p){ entityLists(first:100){ edges{ node{ id label entityType data } } } } }";

    [Fact]
    public async Task A_playlist_becomes_a_real_AYON_list_of_its_versions_and_a_list_made_in_AYON_becomes_a_playlist()
    {
        // The shared demo run first: it checks that Prepare finds a fresh server, which this test's Prepare would spoil.
        await server.DemoAsync();
        await using var deployment = await SyncDeployment.StartAsync("real-ayon-playlists", server.BaseUrl, server.ApiKey, push: true);
        var sg = deployment.Cluster.ShotGrid.Store;
        var (projectId, shot, ayonName) = await PushedShotProject.CreateAsync(deployment, "Playlists");

        // Published in real AYON (two versions under the shot) and linked from ShotGrid Versions by sg_ayon_id.
        var folder = (await AyonReadBack.FoldersAsync(deployment.Ayon, ayonName)).Linked("Shot", shot).Id;
        var product = await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/products", new JsonObject { ["name"] = "reviewMain", ["folderId"] = folder, ["productType"] = "review" });
        var ayon = new[]
        {
            await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/versions", new JsonObject { ["version"] = 1, ["productId"] = product }),
            await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/versions", new JsonObject { ["version"] = 2, ["productId"] = product }),
        };
        var versions = ayon.Select((id, i) => sg.Create("Version", new()
        {
            ["code"] = $"v{i + 1:000}", ["project"] = new EntityLink("Project", projectId), ["entity"] = new EntityLink("Shot", shot), ["sg_ayon_id"] = id,
        })).ToArray();

        // ShotGrid → AYON through the leecher.
        var playlist = sg.Create("Playlist", new()
        {
            ["code"] = "Real dailies", ["project"] = new EntityLink("Project", projectId),
            ["versions"] = new List<EntityLink> { new("Version", versions[1]), new("Version", versions[0]) },
        });
        var list = await Eventually.WaitAsync(
            () => ListOfAsync(deployment, ayonName, playlist), l => l is not null, $"playlist {playlist} to reach real AYON", TimeSpan.FromSeconds(60));
        Assert.Equal(("Real dailies", "version"), (list!["label"]!.GetValue<string>(), list["entityType"]!.GetValue<string>()));
        var items = (await deployment.Ayon.GetAsync($"api/projects/{ayonName}/lists/{list["id"]}")).Body!["items"]!.AsArray();
        Assert.Equal([ayon[1], ayon[0]], items.Select(i => i!["entityId"]!.GetValue<string>()));

        // AYON → ShotGrid: a list a person makes in real AYON becomes a Playlist carrying the list id.
        var made = await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/lists", new JsonObject
        {
            ["entityType"] = "version", ["label"] = "Made in AYON", ["items"] = new JsonArray(new JsonObject { ["entityId"] = ayon[0] }),
        });
        var pushed = await Eventually.WaitAsync(
            () => Task.FromResult(sg.FindIds("Playlist", "sg_ayon_id", made)), ids => ids.Count == 1, $"AYON list {made} to reach ShotGrid", TimeSpan.FromSeconds(60));
        Assert.Equal("Made in AYON", sg.Get("Playlist", pushed[0])!["code"]);
        Assert.Equal([versions[0]], ((List<EntityLink>)sg.Get("Playlist", pushed[0])!["versions"]!).Select(l => l.Id));
        var linkedBack = await Eventually.WaitAsync(
            () => ListOfAsync(deployment, ayonName, pushed[0]), l => l is not null, $"list {made} to carry playlist {pushed[0]}", TimeSpan.FromSeconds(30));
        Assert.Equal(made, linkedBack!["id"]!.GetValue<string>());
    }

    /// <summary>The real project's list whose data links it to <paramref name="playlist"/>, or null.</summary>
    private static async Task<JsonNode?> ListOfAsync(SyncDeployment deployment, string project, long playlist)
    {
        var answer = await deployment.Ayon.GraphQlAsync(ListsQuery, new JsonObject { ["p"] = project });
        var edges = answer.Body?["data"]?["project"]?["entityLists"]?["edges"]?.AsArray() ?? [];
        return edges.Select(e => e!["node"]!).FirstOrDefault(n =>
            JsonNode.Parse(n["data"]!.GetValue<string>())?["shotgridId"]?.GetValue<string>() == playlist.ToString(CultureInfo.InvariantCulture));
    }
}
