using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>No echo: a change made on one side is written once on the other and never comes back.</summary>
[Collection(PushCollection.Name)]
public sealed class EchoTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AChangeOnEachSideIsWrittenOnceOnTheOtherAndNeverComesBack()
    {
        var (name, projectId, shot, _) = await fixture.SyncedOneShotProjectAsync("Echo");
        using var gateway = fixture.GatewayClient();
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { applyChanges = true, pushToShotGrid = true }));
        var folder = fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id;

        // A person renames the shot in AYON: ShotGrid gets it.
        using var person = new AyonPerson(fixture.Ayon);
        await person.PatchFolderAsync(name, folder, new JsonObject { ["label"] = "named in ayon" });
        await Eventually.WaitAsync(() => Task.FromResult(Sg.Get("Shot", shot)!.TextField("code")), c => c == "named in ayon", $"the AYON label of shot {shot} to reach ShotGrid");

        // A person renames it in ShotGrid: AYON gets it.
        Sg.Update("Shot", shot, new() { ["code"] = "named in sg" });
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Folders(name).Single(f => f.Id == folder).Label), l => l == "named in sg", $"the ShotGrid code of shot {shot} to reach AYON");

        await BothDirections.RoundsAsync(fixture);
        var counts = Counts(name, shot, folder);

        // Each side holds the person's write and exactly one write of the cluster: the copy of the other side's change.
        Assert.Equal((Person: 1, Cluster: 1), counts.ShotGrid);
        Assert.Equal((Person: 1, Cluster: 1), counts.Ayon);
        var push = (await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"))).GetProperty("push");
        Assert.Equal(1, push.GetProperty("updated").GetInt64());
        Assert.True(push.GetProperty("ownEventsSkipped").GetInt64() >= 1);

        // Nothing loops: more rounds of both directions write nothing on either side.
        await BothDirections.RoundsAsync(fixture);
        Assert.Equal(counts, Counts(name, shot, folder));
        Assert.Equal("named in sg", Sg.Get("Shot", shot)!.TextField("code"));
    }

    /// <summary>Writes of the shot's name on each side, by a person and by the cluster.</summary>
    private ((int Person, int Cluster) ShotGrid, (int Person, int Cluster) Ayon) Counts(string project, long shot, string folder)
    {
        var sgWrites = Sg.Events.Where(e => e.EntityType == "Shot" && e.EntityId == shot && e.AttributeName == "code" && e.EventType == "Shotgun_Shot_Change"
            && e.Meta["in_create"]?.GetValue<bool>() != true).ToList();
        var byCluster = sgWrites.Count(e => e.User?.Id == fixture.ShotGrid.ScriptApiUserId);
        var ayonWrites = fixture.Ayon.Store.Events
            .Where(e => e.Project == project && e.Topic == "entity.folder.label_changed" && e.Summary["entityId"]?.ToString() == folder).ToList();
        var byClusterAyon = ayonWrites.Count(e => e.Sender?.StartsWith("ayonsg.", StringComparison.Ordinal) == true);
        return ((sgWrites.Count - byCluster, byCluster), (ayonWrites.Count - byClusterAyon, byClusterAyon));
    }
}
