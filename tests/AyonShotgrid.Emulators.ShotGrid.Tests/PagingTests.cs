using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task PagesAreIdAscendingAndEveryPageIncludingTheEmptyOneHasNext()
    {
        await using var site = await TestSite.StartAsync();
        var seeded = ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Paging", SequencesPerEpisode: 1, ShotsPerSequence: 5, Assets: 0));
        var filter = TestSite.Hash("and", TestSite.Cond("project", "is", TestSite.Link("Project", seeded.ProjectId)));

        var seen = new List<long>();
        for (var page = 1; page <= 4; page++)
        {
            var (status, body, _) = await site.SearchAsync("shots", new JsonObject
            {
                ["filters"] = filter.DeepClone(), ["fields"] = "code", ["page"] = new JsonObject { ["size"] = 2, ["number"] = page },
            });
            Assert.Equal(200, status);
            seen.AddRange(body["data"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()));
            Assert.Equal($"/api/v1/entity/shots/_search?page%5Bnumber%5D={page + 1}&page%5Bsize%5D=2", body["links"]!["next"]!.GetValue<string>());
            Assert.Equal(page == 4 ? 0 : page == 3 ? 1 : 2, body["data"]!.AsArray().Count);
        }

        Assert.Equal(seeded.ShotIds, seen);
    }

    [Fact]
    public async Task GetListNextKeepsOtherParametersAndAddsPage()
    {
        await using var site = await TestSite.StartAsync();
        var (_, body, _) = await site.GetAsync("api/v1/entity/Asset?fields=code&sort=-code");

        Assert.Equal("/api/v1/entity/Asset?fields=code&sort=-code", body["links"]!["self"]!.GetValue<string>());
        Assert.Equal("/api/v1/entity/Asset?fields=code&page%5Bnumber%5D=2&page%5Bsize%5D=500&sort=-code", body["links"]!["next"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(5001, "size must be less than 5000")]
    [InlineData(0, "size must be greater than 0")]
    public async Task PageSizeOutsideOneToFiveThousandIs400(int size, string message)
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SearchAsync("shots", new JsonObject { ["filters"] = new JsonArray(), ["page"] = new JsonObject { ["size"] = size } },
            TestSite.ArrayType);
        var error = TestSite.FirstError(body);

        Assert.Equal(400, status);
        Assert.Equal(103, error["code"]!.GetValue<int>());
        Assert.Equal("Request Parameters invalid.", error["title"]!.GetValue<string>());
        Assert.Equal(message, error["source"]!["page"]!["size"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SortStringOrdersByFieldsThenIdAndPagesTheSortedList()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("Sort"));
        var b1 = site.Store.Create("Asset", new() { ["project"] = project, ["code"] = "b" });
        var a = site.Store.Create("Asset", new() { ["project"] = project, ["code"] = "a" });
        var b2 = site.Store.Create("Asset", new() { ["project"] = project, ["code"] = "B" });

        var ids = await site.SearchIdsAsync("assets", new JsonObject { ["filters"] = new JsonArray(), ["sort"] = "-code,-id" }, TestSite.ArrayType);
        var page2 = await site.SearchIdsAsync("assets", new JsonObject
        {
            ["filters"] = new JsonArray(), ["sort"] = "code", ["page"] = new JsonObject { ["size"] = 1, ["number"] = 2 },
        }, TestSite.ArrayType);

        Assert.Equal([b2, b1, a], ids);
        Assert.Equal([b1], page2);
    }

    [Fact]
    public async Task RetiredRowsOnlyAppearWithReturnOnlyRetired()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("Retired"));
        var kept = site.Store.Create("Asset", new() { ["project"] = project });
        var gone = site.Store.Create("Asset", new() { ["project"] = project });
        site.Store.Retire("Asset", gone);

        var active = await site.SearchIdsAsync("assets", new JsonObject { ["filters"] = new JsonArray() }, TestSite.ArrayType);
        var retired = await site.SearchIdsAsync("assets", new JsonObject
        {
            ["filters"] = new JsonArray(), ["options"] = new JsonObject { ["return_only"] = "retired", ["include_archived_projects"] = false },
        }, TestSite.ArrayType);
        var (getStatus, _, _) = await site.GetAsync($"api/v1/entity/assets/{gone}?options[return_only]=retired");

        Assert.Equal([kept], active);
        Assert.Equal([gone], retired);
        Assert.Equal(200, getStatus);
    }
}
