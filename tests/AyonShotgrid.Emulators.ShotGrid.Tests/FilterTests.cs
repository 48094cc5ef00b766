using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class FilterTests
{
    private sealed record Fixture(TestSite Site, long ProjectId, long Other, long Alice, long Acorn, long Forest, long ShotA, long ShotB, long TaskOnA);

    private static async Task<Fixture> SeedAsync()
    {
        var site = await TestSite.StartAsync();
        var store = site.Store;
        var project = new EntityLink("Project", store.CreateProject("Filters", "flt"));
        var other = store.CreateProject("Other", "oth");
        var alice = store.Create("Asset", new() { ["project"] = project, ["code"] = "Alice", ["sg_asset_type"] = "Character", ["sg_status_list"] = "ip" });
        var acorn = store.Create("Asset", new() { ["project"] = project, ["code"] = "Acorn", ["sg_asset_type"] = "Prop", ["sg_status_list"] = "fin" });
        var forest = store.Create("Asset", new() { ["project"] = new EntityLink("Project", other), ["code"] = "Forest", ["sg_asset_type"] = "Environment" });
        var seq = store.Create("Sequence", new() { ["project"] = project, ["code"] = "sq010" });
        var shotA = store.Create("Shot", new() { ["project"] = project, ["code"] = "sq010_sh010", ["sg_sequence"] = new EntityLink("Sequence", seq), ["sg_cut_in"] = 1001 });
        var shotB = store.Create("Shot", new() { ["project"] = project, ["code"] = "sq010_sh020", ["sg_cut_in"] = 1101 });
        var task = store.Create("Task", new() { ["project"] = project, ["content"] = "anim", ["entity"] = new EntityLink("Shot", shotA) });
        store.Create("Task", new() { ["project"] = project, ["content"] = "model", ["entity"] = new EntityLink("Asset", alice) });
        return new Fixture(site, project.Id, other, alice, acorn, forest, shotA, shotB, task);
    }

    [Fact]
    public async Task HashFiltersNestAndOr()
    {
        var f = await SeedAsync();
        await using var site = f.Site;
        var filter = TestSite.Hash("and",
            TestSite.Cond("project", "is", TestSite.Link("Project", f.ProjectId)),
            TestSite.Hash("or", TestSite.Cond("sg_status_list", "is", "IP"), TestSite.Cond("code", "is", "acorn")));

        Assert.Equal([f.Alice, f.Acorn], await site.SearchIdsAsync("assets", new JsonObject { ["filters"] = filter }));
    }

    [Fact]
    public async Task StringIdsCompareEqualToNumbers()
    {
        var f = await SeedAsync();
        await using var site = f.Site;
        var or = TestSite.Hash("or", TestSite.Cond("id", "is", f.Alice.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            TestSite.Cond("id", "is", f.Acorn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var and = TestSite.Hash("and", or["conditions"]![0]!.DeepClone(), or["conditions"]![1]!.DeepClone());

        Assert.Equal([f.Alice, f.Acorn], await site.SearchIdsAsync("assets", new JsonObject { ["filters"] = or, ["fields"] = "*" }));
        Assert.Empty(await site.SearchIdsAsync("assets", new JsonObject { ["filters"] = and }));
    }

    public static TheoryData<string, string, string> Operators() => new()
    {
        { "code", "contains", "\"CO\"" },
        { "code", "not_contains", "\"co\"" },
        { "code", "starts_with", "\"ali\"" },
        { "code", "ends_with", "\"RN\"" },
        { "code", "in", "[\"Alice\",\"nobody\"]" },
        { "code", "not_in", "[\"Alice\"]" },
        { "sg_asset_type", "is_not", "\"prop\"" },
        { "id", "between", "[\"$alice\", \"$acorn\"]" },
        { "id", "greater_than", "\"$alice\"" },
        { "id", "less_than", "\"$acorn\"" },
        { "project", "in", "[{\"type\":\"Project\",\"id\":\"$other\"}]" },
        { "project", "type_is", "\"Project\"" },
        { "project", "name_is", "\"other\"" },
        { "project", "name_contains", "\"ILT\"" },
        { "project.Project.code", "is", "\"flt\"" },
        { "tasks", "name_contains", "\"mod\"" },
        { "sg_status_list", "is", "null" },
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public async Task OperatorsSelectTheExpectedAssets(string path, string relation, string valueJson)
    {
        var f = await SeedAsync();
        await using var site = f.Site;
        var json = valueJson.Replace("\"$alice\"", f.Alice.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("\"$acorn\"", f.Acorn.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("\"$other\"", f.Other.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var expected = (path, relation) switch
        {
            ("code", "contains") => new[] { f.Acorn },
            ("code", "not_contains") => [f.Alice, f.Forest],
            ("code", "starts_with") => [f.Alice],
            ("code", "ends_with") => [f.Acorn],
            ("code", "in") => [f.Alice],
            ("code", "not_in") => [f.Acorn, f.Forest],
            ("sg_asset_type", "is_not") => [f.Alice, f.Forest],
            ("id", "between") => [f.Alice, f.Acorn],
            ("id", "greater_than") => [f.Acorn, f.Forest],
            ("id", "less_than") => [f.Alice],
            ("project", "in") => [f.Forest],
            ("project", "type_is") => [f.Alice, f.Acorn, f.Forest],
            ("project", "name_is") => [f.Forest],
            ("project", "name_contains") => [f.Alice, f.Acorn],
            ("project.Project.code", "is") => [f.Alice, f.Acorn],
            ("tasks", "name_contains") => [f.Alice],
            ("sg_status_list", "is") => [],
            _ => throw new InvalidOperationException(),
        };

        var filters = new JsonArray(TestSite.Cond(path, relation, JsonNode.Parse(json)));
        var ids = await site.SearchIdsAsync("assets", new JsonObject { ["filters"] = filters }, TestSite.ArrayType);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task DottedPathsFilterAndReadThroughSingleLinks()
    {
        var f = await SeedAsync();
        await using var site = f.Site;
        var filters = new JsonArray(TestSite.Cond("entity.Shot.code", "is", "sq010_sh010"));

        var (status, body, _) = await site.SearchAsync("tasks", new JsonObject { ["filters"] = filters, ["fields"] = new JsonArray("content", "entity.Shot.sg_sequence.Sequence.code") },
            TestSite.ArrayType);

        Assert.Equal(200, status);
        var row = Assert.Single(body["data"]!.AsArray())!;
        Assert.Equal(f.TaskOnA, row["id"]!.GetValue<long>());
        Assert.Equal("sq010", row["attributes"]!["entity.Shot.sg_sequence.Sequence.code"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetListFiltersUseEqualityCommaInAndDottedIds()
    {
        var f = await SeedAsync();
        await using var site = f.Site;
        var (_, byProject, _) = await site.GetAsync($"api/v1/entity/assets?fields=code&filter[project.Project.id]={f.ProjectId}");
        var (_, byCodes, _) = await site.GetAsync("api/v1/entity/assets?fields=code&filter[code]=Alice,Forest");

        Assert.Equal([f.Alice, f.Acorn], byProject["data"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()));
        Assert.Equal([f.Alice, f.Forest], byCodes["data"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task UnknownFilterFieldIs400WithTheRealMessage()
    {
        var f = await SeedAsync();
        await using var site = f.Site;
        var filters = TestSite.Hash("and", TestSite.Cond("project.Project.id", "is", 122), TestSite.Cond("not_existing_field", "is", "NOPE"));

        var (status, body, _) = await site.SearchAsync("Asset", new JsonObject { ["fields"] = "*", ["filters"] = filters });
        var (getStatus, getBody, _) = await site.GetAsync("api/v1/entity/Asset?fields=*&filter[not_existing_field]=NOPE");

        var error = TestSite.FirstError(body);
        Assert.Equal(400, status);
        Assert.Equal(103, error["code"]!.GetValue<int>());
        Assert.Equal("API read() Asset.not_existing_field doesn't exist.", error["title"]!.GetValue<string>());
        Assert.Equal(" does not exist. Value: {\"path\"=>\"not_existing_field\", \"relation\"=>\"is\", \"values\"=>[\"NOPE\"]}",
            error["source"]!["Asset.not_existing_field"]!.GetValue<string>());
        Assert.Equal(400, getStatus);
        Assert.Equal("API read() Asset.not_existing_field doesn't exist.", TestSite.FirstError(getBody)["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlainJsonSearchIs415ListingBothVendorTypes()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SearchAsync("assets", new JsonObject { ["filters"] = new JsonArray() }, "application/json");
        var error = TestSite.FirstError(body);

        Assert.Equal(415, status);
        Assert.Equal(103, error["code"]!.GetValue<int>());
        Assert.Contains("application/vnd+shotgun.api3_array+json", error["source"]!["content_type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("application/vnd+shotgun.api3_hash+json", error["source"]!["content_type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestSite.HashType, "[]", "Query is not an Hash")]
    [InlineData(TestSite.ArrayType, "{\"logical_operator\":\"and\",\"conditions\":[]}", "Query is not an Array")]
    [InlineData(TestSite.HashType, "{\"logical_operator\":\"AND\",\"conditions\":[]}", "Invalid logical operator: AND")]
    [InlineData(TestSite.ArrayType, "[[\"code\",\"foo\",\"x\"]]", "API read() Asset.code's 'text' data type doesn't support 'foo' 'relation'")]
    public async Task MalformedFiltersAre400Code103(string contentType, string filters, string title)
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SearchAsync("assets", new JsonObject { ["filters"] = JsonNode.Parse(filters) }, contentType);

        Assert.Equal(400, status);
        Assert.Equal(title, TestSite.FirstError(body)["title"]!.GetValue<string>());
    }
}
