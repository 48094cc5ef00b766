using System.Net.Http.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>The push under the grouped hierarchy preset: grouping folders (shots/, assets/) are not ShotGrid entities; what is made under them is.</summary>
[Collection(PushCollection.Name)]
public sealed class GroupedPushTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AShotMadeUnderShotsSequenceInAyonBecomesAShotOfThatSequenceAndNoGroupingFolderReachesShotGrid()
    {
        var name = TestProjects.UniqueName("PushGrouped");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{seeded.ProjectId}/settings", new { hierarchyPreset = "grouped" }));
        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{seeded.ProjectId}/settings", new { pushToShotGrid = true }));
        var sequenceFolder = fixture.Ayon.Store.FolderOf(name, "Sequence", seeded.SequenceIds[0]);
        var shotsFolder = fixture.Ayon.Store.FolderOf(name, "HierarchyGroup", "shots");
        Assert.Equal(shotsFolder.Id, sequenceFolder.ParentId);

        using var person = new AyonPerson(fixture.Ayon);
        var shot = await person.CreateFolderAsync(name, "sh_grouped", "Shot", sequenceFolder.Id);
        var sequence = await person.CreateFolderAsync(name, "sq_grouped", "Sequence", shotsFolder.Id);
        var group = await person.CreateFolderAsync(name, "extras", "Folder", shotsFolder.Id);

        var sgSequence = await Eventually.WaitAsync(() => Task.FromResult(Sg.FindIds("Sequence", "sg_ayon_id", sequence)), ids => ids.Count == 1, $"AYON sequence {sequence} to reach ShotGrid");
        var sgShot = Assert.Single(Sg.FindIds("Shot", "sg_ayon_id", shot));
        Assert.Equal(seeded.SequenceIds[0], Sg.Get("Shot", sgShot)!.LinkField("sg_sequence")?.Id);
        Assert.Null(Sg.Get("Sequence", sgSequence[0])!.LinkField("episode"));
        foreach (var type in new[] { "Episode", "Sequence", "Scene", "Shot", "Asset", "Task" })
        {
            Assert.Empty(Sg.FindIds(type, "sg_ayon_id", shotsFolder.Id));
            Assert.Empty(Sg.FindIds(type, "sg_ayon_id", group));
        }
    }
}
