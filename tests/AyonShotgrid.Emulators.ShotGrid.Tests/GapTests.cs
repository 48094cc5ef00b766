using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class GapTests
{
    private static async Task<List<long>> EventIdsAfterAsync(TestSite site, long after) =>
        await site.SearchIdsAsync("event_log_entries",
            new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("id", "greater_than", after)), ["fields"] = "id" }, TestSite.ArrayType);

    [Fact]
    public async Task LateCommittedRowsKeepTheirLowerIdsButAppearOnlyWhenTheScopeEnds()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("Gaps"));
        var before = site.Store.NewestEventId;

        List<long> whileOpen;
        long lateShot;
        using (site.Store.BeginLateCommit())
        {
            lateShot = site.Store.Create("Shot", new() { ["project"] = project, ["code"] = "late" });
            // A REST write runs on the server's own flow: it commits first and gets higher, immediately visible ids.
            var (status, _, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots",
                new JsonObject { ["project"] = TestSite.Link("Project", project.Id), ["code"] = "early" });
            Assert.Equal(201, status);
            whileOpen = await EventIdsAfterAsync(site, before);
        }

        var afterCommit = await EventIdsAfterAsync(site, before);
        var lateIds = site.Store.Events.Where(e => e.EntityId == lateShot).Select(e => e.Id).ToList();

        Assert.Equal(3, whileOpen.Count);
        Assert.All(lateIds, id => Assert.DoesNotContain(id, whileOpen));
        Assert.All(lateIds, id => Assert.True(id < whileOpen.Min()));
        Assert.Equal(6, afterCommit.Count);
        Assert.Equal(afterCommit.OrderBy(i => i), afterCommit);
        Assert.Equal(Enumerable.Range((int)before + 1, 6).Select(i => (long)i), afterCommit);
    }

    [Fact]
    public async Task PermanentHolesNeverFill()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("Holes"));
        var before = site.Store.NewestEventId;

        site.Store.AllocatePermanentHole(5);
        site.Store.Create("Shot", new() { ["project"] = project });

        var ids = await EventIdsAfterAsync(site, before);
        Assert.Equal(before + 6, ids[0]);
        Assert.Equal(before + 8, site.Store.NewestEventId);
    }

    [Fact]
    public async Task IdGreaterThanOverManyRowsReturnsOnlyNewerRows()
    {
        await using var site = await TestSite.StartAsync();
        ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Big", Episodes: 2, SequencesPerEpisode: 5, ShotsPerSequence: 20, Assets: 50, TasksPerEntity: 3));
        var total = site.Store.Events.Count;
        var cursor = site.Store.Events[total - 10].Id;

        var ids = await EventIdsAfterAsync(site, cursor);

        Assert.True(total > 5000, $"only {total} events");
        Assert.Equal(site.Store.Events.Skip(total - 9).Select(e => e.Id), ids);
    }
}
