using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>
/// Real ShotGrid answers a linked create or a re-link with a row on the link's target too (Sequence.shots): the leecher
/// must pass over those rows, neither applying them to the parent nor reporting them as malformed.
/// </summary>
[Collection(LeecherCollection.Name)]
public sealed class LeecherBackReferenceTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task BackReferenceRowsOfLinkedCreatesAndReLinksAreSkippedNotAppliedNorMalformed()
    {
        var (name, seeded, before, project, sequence) = await fixture.SyncedStreamProjectAsync("BackRefs");
        using var gateway = fixture.GatewayClient();
        var firstEvent = Sg.NewestEventId;

        var other = Sg.Create("Sequence", new() { ["code"] = "sq_other", ["project"] = project });
        var shots = Enumerable.Range(0, 3)
            .Select(i => Sg.Create("Shot", new() { ["code"] = $"sh_back_{i}", ["project"] = project, ["sg_sequence"] = sequence }))
            .ToList();
        Sg.Update("Shot", shots[0], new() { ["sg_sequence"] = new EntityLink("Sequence", other) });

        var after = await Eventually.WaitAsync(
            () => gateway.ProjectEventsAsync(seeded.ProjectId),
            c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId,
            "the cursor to pass the linked creates and the re-link",
            TimeSpan.FromSeconds(60));

        var rows = Sg.Events.Where(e => e.Id > firstEvent).ToList();
        var echoes = rows.Where(e => e.Meta.ContainsKey("actual_attribute_changed")).ToList();
        // Three creates under the sequence, then the re-link: removed from it, added to the other.
        Assert.Equal(5, echoes.Count);
        Assert.All(echoes, e => Assert.Equal(("Sequence", "shots"), (e.EntityType, e.AttributeName)));

        long Delta(string counter) => after.GetProperty(counter).GetInt64() - before.GetProperty(counter).GetInt64();
        Assert.Equal(0, Delta("malformed"));
        Assert.Equal(0, Delta("failed"));
        Assert.Equal(rows.Count - echoes.Count, Delta("applied") + Delta("ignored"));

        var moved = fixture.Ayon.Store.Folders(name).Single(f => TestProjects.Attrib(f.Attrib, "shotgridId") == shots[0].ToString());
        Assert.Equal(fixture.Ayon.Store.FolderOf(name, "Sequence", other).Id, moved.ParentId);
    }
}
