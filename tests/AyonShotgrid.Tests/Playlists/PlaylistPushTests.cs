using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Playlists;

/// <summary>AYON → ShotGrid with push on: an entity list of versions made in AYON becomes a Playlist, and nothing echoes.</summary>
[Collection(PushCollection.Name)]
public sealed class PlaylistPushTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AnAyonListBecomesAPlaylistLinkedBothWaysFollowsRenameAndItemsAndNeverEchoes()
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, "PlPush");
        using var gateway = fixture.GatewayClient();
        // Versions before the push is on: switched on, it starts at AYON's newest event, so the version push never gives
        // the unlinked one a ShotGrid Version of its own (with the push on first, a round after the ShotGrid writes made one,
        // and the list pushed as three Versions in list order).
        var (sg, ayon) = await world.VersionsAsync(3, linked: 2);
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{world.ProjectId}/settings", new { applyChanges = true, pushToShotGrid = true }));

        var created = await world.AyonAsync(HttpMethod.Post, $"api/projects/{world.Name}/lists", new JsonObject
        {
            ["entityType"] = "version", ["label"] = "From AYON",
            ["items"] = new JsonArray(Item(ayon[0]), Item(ayon[2]), Item(ayon[1])),
        });
        var listId = created!["id"]!.GetValue<string>();
        var playlist = (await Eventually.WaitAsync(() => Task.FromResult(Sg.FindIds("Playlist", "sg_ayon_id", listId)), ids => ids.Count > 0, $"AYON list {listId} to reach ShotGrid"))[0];
        Assert.Equal("From AYON", Sg.Get("Playlist", playlist)!.TextField("code"));
        Assert.Equal([sg[0], sg[1]], Versions(playlist));

        // The list carries the link back, so the leecher and the full sync keep this one list for the playlist.
        await world.WaitForListAsync(playlist, l => l.Id == listId, "the AYON list to be linked to its playlist");
        var status = await fixture.Cluster.Client.GetGrain<IAyonListPushGrain>(GrainKeys.ListPush(fixture.Site, world.ProjectId)).GetStatusAsync();
        Assert.Contains(status.Issues, i => i.Contains($"versions {ayon[2]} have no ShotGrid Version", StringComparison.Ordinal));

        await world.AyonAsync(HttpMethod.Patch, $"api/projects/{world.Name}/lists/{listId}", new JsonObject { ["label"] = "Renamed in AYON" });
        await world.AyonAsync(HttpMethod.Patch, $"api/projects/{world.Name}/lists/{listId}/items", new JsonObject { ["mode"] = "replace", ["items"] = new JsonArray(Item(ayon[1])) });
        await Eventually.WaitAsync(
            () => Task.FromResult((Sg.Get("Playlist", playlist)!.TextField("code"), Versions(playlist).Count > 0 ? Versions(playlist)[0] : 0)),
            p => p == ("Renamed in AYON", sg[1]) && Versions(playlist).Count == 1,
            "the rename and the new items to reach ShotGrid");

        // No echo: more rounds of both directions write nothing more on either side.
        await BothDirections.RoundsAsync(fixture);
        var counts = (Sg.Events.Count(e => e.EntityType == "Playlist" && e.EntityId == playlist), ListEvents(world.Name));
        await BothDirections.RoundsAsync(fixture);
        Assert.Equal(counts, (Sg.Events.Count(e => e.EntityType == "Playlist" && e.EntityId == playlist), ListEvents(world.Name)));
        Assert.Single(fixture.Ayon.Store.EntityLists(world.Name));
        Assert.Single(Sg.FindIds("Playlist", "sg_ayon_id", listId));
        status = await fixture.Cluster.Client.GetGrain<IAyonListPushGrain>(GrainKeys.ListPush(fixture.Site, world.ProjectId)).GetStatusAsync();
        Assert.True(status.OwnEventsSkipped >= 1, "the cluster's own link write to the list is skipped, not pushed back");
    }

    [Fact]
    public async Task PrepareAddsTheAyonIdFieldToPlaylistsWhenTheSiteLacksIt()
    {
        Assert.True(Sg.RemoveField("Playlist", "sg_ayon_id"));
        var projectId = Sg.CreateProject(TestProjects.UniqueName("PlField"));
        using var gateway = fixture.GatewayClient();

        var prepared = await gateway.PrepareAsync(projectId);

        Assert.Contains("added ShotGrid field Playlist.sg_ayon_id", prepared.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(Sg.FindIds("Playlist", "sg_ayon_id", "anything"));
    }

    private static JsonObject Item(string versionId) => new() { ["entityId"] = versionId };

    private List<long> Versions(long playlist) =>
        Sg.Get("Playlist", playlist)!.TryGetValue("versions", out var v) && v is List<EntityLink> links ? links.Select(l => l.Id).ToList() : [];

    private int ListEvents(string project) =>
        fixture.Ayon.Store.Events.Count(e => e.Project == project && e.Topic.StartsWith("entity_list.", StringComparison.Ordinal));
}
