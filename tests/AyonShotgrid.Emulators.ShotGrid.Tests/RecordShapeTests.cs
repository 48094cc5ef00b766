using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class RecordShapeTests
{
    [Fact]
    public async Task LinksAreRelationshipsWithNamesAndScalarsAndDottedFieldsAreAttributes()
    {
        await using var site = await TestSite.StartAsync();
        var seeded = ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Shape", Episodes: 1, SequencesPerEpisode: 1, ShotsPerSequence: 1));
        var shotId = seeded.ShotIds[0];

        var (status, body, _) = await site.GetAsync($"api/v1/entity/Shot/{shotId}?fields=code,sg_sequence,sg_sequence.Sequence.code,tasks,nope");
        var data = body["data"]!;

        Assert.Equal(200, status);
        Assert.Equal("Shot", data["type"]!.GetValue<string>());
        Assert.Equal(shotId, data["id"]!.GetValue<long>());
        Assert.Equal($"/api/v1/entity/shots/{shotId}", data["links"]!["self"]!.GetValue<string>());
        Assert.Equal(["code", "sg_sequence.Sequence.code"], data["attributes"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("ep01_sq010", data["attributes"]!["sg_sequence.Sequence.code"]!.GetValue<string>());
        var sequence = data["relationships"]!["sg_sequence"]!;
        Assert.Equal(seeded.SequenceIds[0], sequence["data"]!["id"]!.GetValue<long>());
        Assert.Equal("ep01_sq010", sequence["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Sequence", sequence["data"]!["type"]!.GetValue<string>());
        Assert.Equal($"/api/v1/entity/sequences/{seeded.SequenceIds[0]}", sequence["links"]!["related"]!.GetValue<string>());
        Assert.Equal(2, data["relationships"]!["tasks"]!["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task RelationshipsAreAnEmptyObjectWhenNoLinkFieldIsAsked()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("Shape");
        var assetId = site.Store.Create("Asset", new() { ["project"] = new EntityLink("Project", projectId), ["description"] = "old" });

        var (_, body, _) = await site.GetAsync($"api/v1/entity/Asset/{assetId}?fields=description");

        Assert.Equal("{\"description\":\"old\"}", body["data"]!["attributes"]!.ToJsonString());
        Assert.Equal("{}", body["data"]!["relationships"]!.ToJsonString());
        Assert.Equal($"/api/v1/entity/Asset/{assetId}?fields=description", body["links"]!["self"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("projects")]
    [InlineData("Project")]
    [InlineData("project")]
    [InlineData("Projects")]
    public async Task EntityTypeSlugsMatchLoosely(string slug)
    {
        await using var site = await TestSite.StartAsync();
        var id = site.Store.CreateProject("Loose");

        var (status, body, _) = await site.GetAsync($"api/v1/entity/{slug}?fields=name");

        Assert.Equal(200, status);
        Assert.Equal(id, body["data"]![0]!["id"]!.GetValue<long>());
        Assert.Equal($"/api/v1/entity/projects/{id}", body["data"]![0]!["links"]!["self"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownEntityTypeIs404Code103()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.GetAsync("api/v1/entity/publishedfiles");
        var error = TestSite.FirstError(body);

        Assert.Equal(404, status);
        Assert.Equal(103, error["code"]!.GetValue<int>());
        Assert.Equal("Entity type 'publishedfiles' does not exist.", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingRecordIs404Code104()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, response) = await site.GetAsync("api/v1/entity/Asset/400000?fields=*");
        var error = TestSite.FirstError(body);

        Assert.Equal(404, status);
        Assert.Equal(104, error["code"]!.GetValue<int>());
        Assert.Equal("Not Found", error["title"]!.GetValue<string>());
        Assert.Equal("Asset: 400000 not found", error["detail"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", error["id"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("x-request-id"));
    }

    [Fact]
    public async Task SchemaFieldsAreWrappedAndCarryValidValuesAndTypes()
    {
        await using var site = await TestSite.StartAsync();
        site.Store.AddAssetTypes("Matte Painting");

        var (typeStatus, type, _) = await site.GetAsync("api/v1/schema/Asset");
        var (_, assetFields, _) = await site.GetAsync("api/v1/schema/Asset/fields");
        var (_, shotField, _) = await site.GetAsync("api/v1/schema/Shot/fields/sg_sequence");
        var (missingStatus, _, _) = await site.GetAsync("api/v1/schema/asset");

        Assert.Equal(200, typeStatus);
        Assert.Equal("{\"name\":{\"value\":\"Asset\",\"editable\":false},\"visible\":{\"value\":true,\"editable\":false}}", type["data"]!.ToJsonString());
        var assetType = assetFields["data"]!["sg_asset_type"]!;
        Assert.Equal("list", assetType["data_type"]!["value"]!.GetValue<string>());
        Assert.Equal(["Character", "Prop", "Environment", "Vehicle", "FX", "Matte Painting"],
            assetType["properties"]!["valid_values"]!["value"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray());
        Assert.Equal("wtg", assetFields["data"]!["sg_status_list"]!["properties"]!["default_value"]!["value"]!.GetValue<string>());
        Assert.Equal("Sequence", shotField["data"]!["properties"]!["valid_types"]!["value"]![0]!.GetValue<string>());
        Assert.Equal(404, missingStatus);
    }
}
