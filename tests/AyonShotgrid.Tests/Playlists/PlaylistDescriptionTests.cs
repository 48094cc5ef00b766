using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Playlists;

/// <summary>
/// A Playlist's description and its AYON list's description (<c>attrib.description</c>: AYON 1.15.18's lists have no
/// description member) follow each other both ways, with push on, and never echo.
/// </summary>
[Collection(PushCollection.Name)]
public sealed class PlaylistDescriptionTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task TheDescriptionGoesFromAyonToShotGridAndBackWithoutEcho()
    {
        var (world, playlist, listId) = await PlaylistListDeletionTests.PushedListAsync(fixture, "PlDesc", "Described");

        await world.AyonAsync(HttpMethod.Patch, $"api/projects/{world.Name}/lists/{listId}", new JsonObject { ["attrib"] = new JsonObject { ["description"] = "notes for the client" } });
        await Eventually.WaitAsync(
            () => Task.FromResult(Sg.Get("Playlist", playlist)!.TextField("description")), d => d == "notes for the client", "the AYON list's description to reach the Playlist");

        Sg.Update("Playlist", playlist, new() { ["description"] = "changed in ShotGrid" });
        await Eventually.WaitAsync(() => DescriptionInAyonAsync(world, listId), d => d == "changed in ShotGrid", "the Playlist's description to reach the AYON list");

        // No echo: more rounds of both directions write nothing more on either side.
        await BothDirections.RoundsAsync(fixture);
        var counts = (PlaylistEvents(playlist), ListEvents(world.Name));
        await BothDirections.RoundsAsync(fixture);
        Assert.Equal(counts, (PlaylistEvents(playlist), ListEvents(world.Name)));
        Assert.Equal("changed in ShotGrid", Sg.Get("Playlist", playlist)!.TextField("description"));
    }

    [Fact]
    public async Task APlaylistMadeInShotGridBringsItsDescriptionToItsNewList()
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, "PlDescSg");
        var (sg, _) = await world.VersionsAsync(1);
        var playlist = Sg.Create("Playlist", new()
        {
            ["code"] = "Client review", ["description"] = "for Friday", ["project"] = TestProjects.Link("Project", world.ProjectId),
            ["versions"] = new List<EntityLink> { new("Version", sg[0]) },
        });

        var list = await world.WaitForListAsync(playlist, _ => true, "a list for the playlist");
        Assert.Equal("for Friday", await Eventually.WaitAsync(() => DescriptionInAyonAsync(world, list.Id), d => d is not null, "the description in AYON"));
    }

    private static async Task<string?> DescriptionInAyonAsync(PlaylistWorld world, string listId) =>
        (await world.AyonAsync(HttpMethod.Get, $"api/projects/{world.Name}/lists/{listId}"))?["attrib"]?["description"]?.GetValue<string>();

    private int PlaylistEvents(long playlist) => Sg.Events.Count(e => e.EntityType == "Playlist" && e.EntityId == playlist);

    private int ListEvents(string project) =>
        fixture.Ayon.Store.Events.Count(e => e.Project == project && e.Topic.StartsWith("entity_list.", StringComparison.Ordinal));
}
