using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Projects;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>An entity deleted in ShotGrid before its event was read is listed in the project's status, apart from the ignored events.</summary>
[Collection(LeecherCollection.Name)]
public sealed class DeletedBeforeReadTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AShotDeletedBeforeItsEventWasReadIsListedWithTheEventAndCountedApartFromIgnoredEvents()
    {
        var (name, seeded, before, project, sequence) = await fixture.SyncedStreamProjectAsync("GoneBeforeRead");
        using var gateway = fixture.GatewayClient();

        var gone = new List<long>();
        using (Sg.BeginLateCommit())
        {
            // Made and deleted in one transaction the leecher cannot see until it commits: by then each is retired.
            for (var i = 0; i < 2; i++)
            {
                var shot = Sg.Create("Shot", new() { ["code"] = $"sh_gone_{i}", ["project"] = project, ["sg_sequence"] = sequence });
                Sg.Retire("Shot", shot);
                gone.Add(shot);
            }
        }

        var kept = Sg.Create("Shot", new() { ["code"] = "sh_kept", ["project"] = project, ["sg_sequence"] = sequence });
        var after = await Eventually.WaitAsync(
            () => gateway.ProjectEventsAsync(seeded.ProjectId),
            c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId,
            "the cursor to pass the deleted shots' events");

        var listed = after.GetProperty("deletedBeforeReadEvents").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, after.GetProperty("deletedBeforeRead").GetInt64() - before.GetProperty("deletedBeforeRead").GetInt64());
        foreach (var shot in gone)
        {
            // The first row of its short life is the one reported (ShotGrid writes the in-create changes around the New row).
            var first = Sg.Events.Where(e => e.EntityType == "Shot" && e.EntityId == shot).Min(e => e.Id);
            Assert.Contains($"event {first}: Shot {shot} deleted in ShotGrid before the event was read", listed);
        }

        Assert.NotNull(fixture.Ayon.Store.FolderOf(name, "Shot", kept));
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => gone.Select(g => g.ToString()).Contains(TestProjects.Attrib(f.Attrib, "shotgridId")));
    }

    [Fact]
    public void TheListIsBoundedToTheLatestFiftyWhileTheCountKeepsGrowing()
    {
        var counters = new EventCounters();

        for (var i = 1; i <= 120; i++)
        {
            counters.AddDeletedBeforeRead(1000 + i, "Shot", i);
        }

        Assert.Equal(120, counters.DeletedBeforeRead);
        Assert.Equal(EventCounters.ListedDeletedBeforeRead, counters.LastDeletedBeforeRead.Count);
        Assert.Equal("event 1071: Shot 71 deleted in ShotGrid before the event was read", counters.LastDeletedBeforeRead[0]);
        Assert.Equal("event 1120: Shot 120 deleted in ShotGrid before the event was read", counters.LastDeletedBeforeRead[^1]);
        Assert.Equal(0, counters.Ignored);
    }
}
