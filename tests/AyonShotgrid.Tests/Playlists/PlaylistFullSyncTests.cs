using System.Text.Json;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Playlists;

/// <summary>The full sync creates and updates the AYON lists of a project's Playlists, and says what it left out.</summary>
[Collection(SyncCollection.Name)]
public sealed class PlaylistFullSyncTests(SyncFixture fixture)
{
    [Fact]
    public async Task TheFullSyncCreatesThePlaylistsListsReportsUnlinkedVersionsAndASecondRunChangesNothing()
    {
        var world = await PlaylistWorld.SyncedAsync(fixture, "PlSync");
        var (sg, ayon) = await world.VersionsAsync(3, linked: 2);
        var first = world.CreatePlaylist("Client review", sg[0], sg[1], sg[2]);
        var second = world.CreatePlaylist("Client review", sg[1]);

        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(world.ProjectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());

        var a = Assert.Single(world.ListsOf(first));
        Assert.Equal("Client review", a.Label);
        Assert.Equal([ayon[0], ayon[1]], a.EntityIds);
        // AYON list labels are unique per project: the newer playlist of that name gets its id beside it.
        var b = Assert.Single(world.ListsOf(second));
        Assert.Equal($"Client review ({second})", b.Label);
        Assert.Equal([ayon[1]], b.EntityIds);
        var issues = job.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("entityId").GetInt64(), i.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(issues, i => i.Item1 == first && i.Item2.Contains($"Versions {sg[2]} are not linked", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Item1 == second && i.Item2.Contains("another AYON list is called", StringComparison.Ordinal));

        var events = ListEventCount(world.Name);
        var again = await gateway.SyncAsync(world.ProjectId);
        Assert.Equal("succeeded", again.GetProperty("state").GetString());
        Assert.Equal(events, ListEventCount(world.Name));
        Assert.Equal(2, fixture.Ayon.Store.EntityLists(world.Name).Count);
    }

    private int ListEventCount(string project) =>
        fixture.Ayon.Store.Events.Count(e => e.Project == project && e.Topic.StartsWith("entity_list.", StringComparison.Ordinal));
}
