using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Notes;

/// <summary>A note AYON refuses fails the full sync that carried it (never "succeeded" with a comment missing), and the next sync brings it.</summary>
[Collection(SyncCollection.Name)]
public sealed class NoteFailureTests(SyncFixture fixture)
{
    [Fact]
    public async Task ANoteAyonRefusesFailsTheJobAndTheNextSyncBringsIt()
    {
        var name = TestProjects.UniqueName("NoteRefused");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        var note = fixture.ShotGrid.Store.Create("Note", new()
        {
            ["project"] = TestProjects.Link("Project", seeded.ProjectId), ["content"] = "refused once",
            ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", seeded.ShotIds[0]) },
        });

        // A 400 is not retried: the comment's create fails for good within this sync.
        fixture.Ayon.Faults.FailNext(1, 400, pathContains: "/activities");
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(seeded.ProjectId);
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("notes or replies could not become AYON comments", job.GetProperty("error").GetString());
        Assert.Empty(Comments(name, note));

        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        Assert.Single(Comments(name, note));
    }

    private List<Emulators.Ayon.EmuActivity> Comments(string project, long note) =>
        fixture.Ayon.Store.Activities(project).Where(a => a.ActivityType == "comment" && a.Data["sg_note_id"]?.GetValue<long>() == note).ToList();
}
