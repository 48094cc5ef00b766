using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Playlists;

/// <summary>ShotGrid → AYON through the leecher: a Playlist becomes one entity list of its linked versions and follows it.</summary>
[Collection(LeecherCollection.Name)]
public sealed class PlaylistLeecherTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task APlaylistBecomesOneAyonListOfItsVersionsAndFollowsRenamesItemChangesRetirementAndRevival()
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, "PlFollow");
        var (sg, ayon) = await world.VersionsAsync(3);

        var playlist = world.CreatePlaylist("Dailies 1", sg[0], sg[1]);
        var list = await world.WaitForListAsync(playlist, l => l.EntityIds.SequenceEqual([ayon[0], ayon[1]]), "a list of its two versions");
        Assert.Equal(("Dailies 1", "version"), (list.Label, list.EntityType));

        // Renamed, one version added and one removed (ShotGrid logs the multi-entity change with added/removed lists).
        Sg.Update("Playlist", playlist, new() { ["code"] = "Dailies 1b" });
        Sg.Update("Playlist", playlist, new() { ["versions"] = new List<EntityLink> { new("Version", sg[2]), new("Version", sg[1]) } });
        var changed = await world.WaitForListAsync(playlist, l => l.Label == "Dailies 1b" && l.EntityIds.SequenceEqual([ayon[2], ayon[1]]), "the new name and items in playlist order");
        Assert.Equal(list.Id, changed.Id);

        Sg.Retire("Playlist", playlist);
        await Eventually.WaitAsync(() => Task.FromResult(world.ListsOf(playlist).Count), n => n == 0, $"the list of retired playlist {playlist} to go");

        Sg.Revive("Playlist", playlist);
        var back = await world.WaitForListAsync(playlist, l => l.EntityIds.SequenceEqual([ayon[2], ayon[1]]), "the revived playlist's list");
        Assert.Equal(list.Id, back.Id);
    }

    [Fact]
    public async Task AVersionNotLinkedYetIsLeftOutAndReportedThenTakenInOnceTheVersionIsLinked()
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, "PlRelink");
        var (sg, ayon) = await world.VersionsAsync(2, linked: 1);

        var playlist = world.CreatePlaylist("Review", sg[0], sg[1]);
        await world.WaitForListAsync(playlist, l => l.EntityIds.SequenceEqual([ayon[0]]), "a list of the one linked version");
        using var gateway = fixture.GatewayClient();
        await Eventually.WaitAsync(
            async () => (await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{world.ProjectId}"))).ToString(),
            status => status.Contains($"Versions {sg[1]} are not linked to AYON versions yet", StringComparison.Ordinal),
            "the unlinked version to be reported in the project's event errors");

        // The push links a Version as the cluster's own script user, whose events the leecher ignores: the playlist looks again by itself.
        Sg.Update("Version", sg[1], new() { ["sg_ayon_id"] = ayon[1] }, new StoreActor("ApiUser", fixture.ShotGrid.ScriptApiUserId));
        await world.WaitForListAsync(playlist, l => l.EntityIds.SequenceEqual([ayon[0], ayon[1]]), "the version linked meanwhile to be taken in");
    }

    [Fact]
    public async Task ReplayedPlaylistEventsAndAFullSyncAfterwardsWriteNothingMore()
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, "PlReplay");
        var (sg, ayon) = await world.VersionsAsync(2);
        var playlist = world.CreatePlaylist("Once", sg[0], sg[1]);
        var list = await world.WaitForListAsync(playlist, l => l.EntityIds.Count == 2, "its list");
        await Eventually.WaitAsync(() => Task.FromResult(ListEvents(world.Name).Count), n => n >= 1, "the list's creation event");
        var before = ListEvents(world.Name);

        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(world.ProjectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());

        Assert.Equal(before, ListEvents(world.Name));
        Assert.Equal([list.Id], world.ListsOf(playlist).Select(l => l.Id));
        Assert.Equal([ayon[0], ayon[1]], world.ListsOf(playlist)[0].EntityIds);
    }

    private List<string> ListEvents(string project) =>
        fixture.Ayon.Store.Events.Where(e => e.Project == project && e.Topic.StartsWith("entity_list.", StringComparison.Ordinal)).Select(e => e.Topic).ToList();
}
