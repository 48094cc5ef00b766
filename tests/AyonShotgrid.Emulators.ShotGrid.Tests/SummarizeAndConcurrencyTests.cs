using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class SummarizeAndConcurrencyTests
{
    [Fact]
    public async Task SummarizeCountsFilteredRecords()
    {
        await using var site = await TestSite.StartAsync();
        var seeded = ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Count", SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 3, TasksPerEntity: 0));
        ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Other", SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 2, TasksPerEntity: 0));

        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/Asset/_summarize", new JsonObject
        {
            ["filters"] = TestSite.Hash("and", TestSite.Cond("project.Project.id", "is", seeded.ProjectId)),
            ["summary_fields"] = new JsonArray(new JsonObject { ["type"] = "record_count", ["field"] = "id" }),
        }, TestSite.HashType);

        Assert.Equal(200, status);
        Assert.Equal("{\"data\":{\"summaries\":{\"id\":3},\"groups\":[]}}", body.ToJsonString());
    }

    [Fact]
    public async Task SummarizeWithUnknownTypeIs400()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/Asset/_summarize", new JsonObject
        {
            ["summary_fields"] = new JsonArray(new JsonObject { ["field"] = "not_existing_field", ["type"] = "not_possible" }),
        }, TestSite.HashType);
        var error = TestSite.FirstError(body);

        Assert.Equal(400, status);
        Assert.Equal("Request Parameters invalid.", error["title"]!.GetValue<string>());
        Assert.StartsWith("type must be one of: record_count, count,", error["source"]!["summary_fields"]!["0"]!["type"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelRestCreatesGetDistinctIdsAndEveryEventRow()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("Parallel");
        var before = site.Store.NewestEventId;

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => site.SendAsync(HttpMethod.Post, "api/v1/entity/shots",
            new JsonObject { ["project"] = TestSite.Link("Project", projectId), ["code"] = $"sh{i:D3}" })));

        Assert.All(results, r => Assert.Equal(201, r.Status));
        Assert.Equal(40, results.Select(r => r.Body["data"]!["id"]!.GetValue<long>()).Distinct().Count());
        // code + sg_status_list changes and one _New per shot.
        Assert.Equal(before + 120, site.Store.NewestEventId);
        Assert.Equal(120, site.Store.Events.Count(e => e.Id > before));
    }
}
