using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Tests.Gateway;
using AyonShotgrid.Tests.Infrastructure;
using AyonShotgrid.Tests.Push;

namespace AyonShotgrid.Tests.Playlists;

/// <summary>
/// A list deleted in AYON, with push on, does to its ShotGrid Playlist what the push does with any deletion: kept and
/// reported in the project status by default, retired with <c>Push:RetireDeleted</c>.
/// </summary>
[Collection(PushCollection.Name)]
public sealed class PlaylistListDeletionTests(PushFixture fixture)
{
    [Fact]
    public async Task AListDeletedInAyonKeepsItsPlaylistAndTheProjectStatusSaysSo()
    {
        var (world, playlist, listId) = await PushedListAsync(fixture, "PlKeep", "Kept");

        await world.AyonAsync(HttpMethod.Delete, $"api/projects/{world.Name}/lists/{listId}");

        var lists = await Eventually.WaitAsync(
            () => ListPushAsync(fixture, world.ProjectId),
            l => l.GetProperty("issues").EnumerateArray().Any(i => i.GetString()!.Contains(listId, StringComparison.Ordinal)),
            $"the deletion of AYON list {listId} in the project status");
        Assert.Contains(lists.GetProperty("issues").EnumerateArray(), i => i.GetString() == $"AYON list {listId} deleted in AYON, Playlist {playlist} 'Kept' kept in ShotGrid (Push:RetireDeleted is off)");
        Assert.Equal(0, lists.GetProperty("retired").GetInt32());
        Assert.NotNull(fixture.ShotGrid.Store.Get("Playlist", playlist));
        Assert.DoesNotContain(fixture.ShotGrid.Store.Events, e => e.EntityType == "Playlist" && e.EntityId == playlist && e.EventType == "Shotgun_Playlist_Retirement");
    }

    [Fact]
    public async Task TheProjectStatusCarriesTheListPushWithItsCursorCountsAndLastError()
    {
        var (world, _, _) = await PushedListAsync(fixture, "PlStatus", "Status list");

        var lists = await ListPushAsync(fixture, world.ProjectId);

        Assert.Equal([.. ApiShapeTests.ListPushMembers.Order(StringComparer.Ordinal)], lists.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal).ToList());
        Assert.True(lists.GetProperty("enabled").GetBoolean());
        Assert.False(string.IsNullOrEmpty(lists.GetProperty("cursor").GetString()));
        Assert.True(lists.GetProperty("created").GetInt32() >= 1);
        Assert.True(lists.GetProperty("eventsRead").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Null, lists.GetProperty("lastError").ValueKind);
    }

    /// <summary>A synced project with push on and one AYON list of one linked version, pushed to a ShotGrid Playlist.</summary>
    internal static async Task<(PlaylistWorld World, long Playlist, string ListId)> PushedListAsync(SyncFixture fixture, string stem, string label)
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, stem);
        using var gateway = fixture.GatewayClient();
        // Versions before the push is on (it starts at AYON's newest event): a push round between the AYON and the ShotGrid
        // writes of VersionsAsync would otherwise make ShotGrid Versions of its own.
        var (_, ayon) = await world.VersionsAsync(1);
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{world.ProjectId}/settings", new { applyChanges = true, pushToShotGrid = true }));
        var created = await world.AyonAsync(HttpMethod.Post, $"api/projects/{world.Name}/lists", new JsonObject
        {
            ["entityType"] = "version", ["label"] = label, ["items"] = new JsonArray(new JsonObject { ["entityId"] = ayon[0] }),
        });
        var listId = created!["id"]!.GetValue<string>();
        var playlist = (await Eventually.WaitAsync(
            () => Task.FromResult(fixture.ShotGrid.Store.FindIds("Playlist", "sg_ayon_id", listId)), ids => ids.Count > 0, $"AYON list {listId} to reach ShotGrid"))[0];
        return (world, playlist, listId);
    }

    internal static async Task<JsonElement> ListPushAsync(SyncFixture fixture, long projectId)
    {
        using var gateway = fixture.GatewayClient();
        var project = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
        return project.GetProperty("listPush");
    }
}

/// <summary>With <c>Push:RetireDeleted</c>, a list deleted in AYON retires its ShotGrid Playlist, as the cluster's script user.</summary>
[Collection(RetiringPushCollection.Name)]
public sealed class RetiringPlaylistListDeletionTests(RetiringPushFixture fixture)
{
    [Fact]
    public async Task AListDeletedInAyonRetiresItsPlaylist()
    {
        var (world, playlist, listId) = await PlaylistListDeletionTests.PushedListAsync(fixture, "PlRetire", "PlRetire list");

        await world.AyonAsync(HttpMethod.Delete, $"api/projects/{world.Name}/lists/{listId}");

        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.ShotGrid.Store.Get("Playlist", playlist)), p => p is null, $"ShotGrid Playlist {playlist} to be retired");
        Assert.Contains(fixture.ShotGrid.Store.Events, e => e.EntityType == "Playlist" && e.EntityId == playlist && e.EventType == "Shotgun_Playlist_Retirement"
            && e.User?.Id == fixture.ShotGrid.ScriptApiUserId);
        var lists = await PlaylistListDeletionTests.ListPushAsync(fixture, world.ProjectId);
        Assert.Equal(1, lists.GetProperty("retired").GetInt32());
        Assert.Contains(lists.GetProperty("issues").EnumerateArray(), i => i.GetString() == $"AYON list {listId} deleted in AYON, Playlist {playlist} 'PlRetire list' retired in ShotGrid");
    }
}
