using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class WriteTests
{
    [Fact]
    public async Task CreateIs201WithDefaultCodeStatusAndCreatorTheScript()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("TEST");

        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/Asset",
            new JsonObject { ["description"] = "This is a desc", ["project"] = TestSite.Link("Project", projectId) });
        var data = body["data"]!;
        var id = data["id"]!.GetValue<long>();

        Assert.Equal(201, status);
        Assert.Equal($"New Asset {id}", data["attributes"]!["code"]!.GetValue<string>());
        Assert.Equal("wtg", data["attributes"]!["sg_status_list"]!.GetValue<string>());
        Assert.Equal("This is a desc", data["attributes"]!["description"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", data["attributes"]!["created_at"]!.GetValue<string>());
        Assert.Equal("TEST", data["relationships"]!["project"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal(site.Emulator.ScriptApiUserId, data["relationships"]!["created_by"]!["data"]!["id"]!.GetValue<long>());
        Assert.Equal("ayon_sync 1.0", data["relationships"]!["created_by"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal($"/api/v1/entity/assets/{id}", data["links"]!["self"]!.GetValue<string>());
        Assert.NotNull(site.Store.Get("Asset", id));
    }

    [Fact]
    public async Task CreateWithUnknownFieldIs400Code103()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/Asset", new JsonObject { ["not_existing_field"] = 1234 });
        var error = TestSite.FirstError(body);

        Assert.Equal(400, status);
        Assert.Equal(103, error["code"]!.GetValue<int>());
        Assert.Equal("API create() Asset.not_existing_field doesn't exist.", error["title"]!.GetValue<string>());
        Assert.Equal("{}", error["source"]!.ToJsonString());
    }

    [Fact]
    public async Task CreateWithoutProjectIs400Code103()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots", new JsonObject { ["code"] = "sh010" });

        Assert.Equal(400, status);
        Assert.StartsWith("API create() missing 'project' attribute", TestSite.FirstError(body)["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidStatusIs400Code104()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("TEST");
        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots",
            new JsonObject { ["project"] = TestSite.Link("Project", projectId), ["sg_status_list"] = "Final" });
        var error = TestSite.FirstError(body);

        Assert.Equal(400, status);
        Assert.Equal(104, error["code"]!.GetValue<int>());
        Assert.StartsWith("Update failed for [Shot.sg_status_list]: 'Final' is not a valid status.", error["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIsPartialAnd200()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("TEST"));
        var id = site.Store.Create("Asset", new() { ["project"] = project, ["description"] = "old", ["code"] = "keep" });

        var (status, body, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/Asset/{id}", new JsonObject { ["description"] = "new" });

        Assert.Equal(200, status);
        Assert.Equal("new", body["data"]!["attributes"]!["description"]!.GetValue<string>());
        Assert.Equal("keep", body["data"]!["attributes"]!["code"]!.GetValue<string>());
        Assert.Equal("new", site.Store.Get("Asset", id)!["description"]);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task WritingAMissingRecordIs404Code104(string method)
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SendAsync(new HttpMethod(method), "api/v1/entity/Asset/400000",
            method == "PUT" ? new JsonObject { ["description"] = "NOPE" } : null);
        var error = TestSite.FirstError(body);

        Assert.Equal(404, status);
        Assert.Equal(104, error["code"]!.GetValue<int>());
        Assert.Equal("Not Found", error["title"]!.GetValue<string>());
        Assert.Equal("Entity of type [Asset] with id=400000 does not exist.", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteRetiresWith204AndReviveBringsItBack()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("TEST"));
        var id = site.Store.Create("Asset", new() { ["project"] = project });

        var (deleteStatus, _, deleteResponse) = await site.SendAsync(HttpMethod.Delete, $"api/v1/entity/Asset/{id}");
        var (afterDelete, _, _) = await site.GetAsync($"api/v1/entity/Asset/{id}");
        var (reviveStatus, revive, _) = await site.SendAsync(HttpMethod.Post, $"api/v1/entity/Asset/{id}?revive=true");
        var (afterRevive, _, _) = await site.GetAsync($"api/v1/entity/Asset/{id}");
        var (missingStatus, missing, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/Asset/400000?revive=true");

        Assert.Equal(204, deleteStatus);
        Assert.Empty(await deleteResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(404, afterDelete);
        Assert.Equal(200, reviveStatus);
        Assert.Equal($"{{\"data\":{{\"type\":\"Asset\",\"id\":{id}}},\"links\":{{\"self\":\"/api/v1/entity/Asset/{id}\"}},\"meta\":{{\"did_revive\":true}}}}",
            revive.ToJsonString());
        Assert.Equal(200, afterRevive);
        Assert.Equal(404, missingStatus);
        Assert.Equal("Entity of type [Asset] with id=400000 does not exist.", TestSite.FirstError(missing)["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReverseLinksFollowTheForwardField()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("TEST"));
        var sq1 = site.Store.Create("Sequence", new() { ["project"] = project, ["code"] = "sq1" });
        var sq2 = site.Store.Create("Sequence", new() { ["project"] = project, ["code"] = "sq2" });
        var shot = site.Store.Create("Shot", new() { ["project"] = project, ["sg_sequence"] = new EntityLink("Sequence", sq1) });

        await site.SendAsync(HttpMethod.Put, $"api/v1/entity/shots/{shot}", new JsonObject { ["sg_sequence"] = TestSite.Link("Sequence", sq2) });

        Assert.Empty((List<EntityLink>)site.Store.Get("Sequence", sq1)!["shots"]!);
        Assert.Equal([new EntityLink("Shot", shot)], (List<EntityLink>)site.Store.Get("Sequence", sq2)!["shots"]!);
    }

    [Fact]
    public async Task CreateProjectSetsDefaultNavchainsAndSetNavchainsMerges()
    {
        await using var site = await TestSite.StartAsync();
        var id = site.Store.CreateProject("Nav");
        site.Store.SetNavchains(id, new() { ["Sequence"] = "episode" });

        var (_, body, _) = await site.GetAsync($"api/v1/entity/projects/{id}?fields=tracking_settings,name");
        var chains = body["data"]!["attributes"]!["tracking_settings"]!["navchains"]!;

        Assert.Equal("episode", chains["Sequence"]!.GetValue<string>());
        Assert.Equal("sg_sequence", chains["Shot"]!.GetValue<string>());
        Assert.Equal("sg_asset_type", chains["Asset"]!.GetValue<string>());
    }
}
