using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class EventLogTests
{
    private static readonly JsonArray EventFields = new("id", "event_type", "attribute_name", "meta", "entity", "user", "project", "created_at");

    private static async Task<JsonArray> EventsAfterAsync(TestSite site, long after, params JsonNode[] extra)
    {
        var filters = new JsonArray(TestSite.Cond("id", "greater_than", after));
        foreach (var condition in extra)
        {
            filters.Add(condition);
        }

        var (status, body, _) = await site.SearchAsync("event_log_entries",
            new JsonObject { ["filters"] = filters, ["fields"] = EventFields.DeepClone(), ["sort"] = "id" }, TestSite.ArrayType);
        Assert.True(status == 200, body.ToJsonString());
        return body["data"]!.AsArray();
    }

    private static string Type(JsonNode? row) => row!["attributes"]!["event_type"]!.GetValue<string>();

    private static JsonNode Meta(JsonNode? row) => row!["attributes"]!["meta"]!;

    [Fact]
    public async Task RestCreateWritesOneChangePerPopulatedFieldThenNewAsTheScriptUser()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("Events");
        var before = site.Store.NewestEventId;

        var (_, created, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots",
            new JsonObject { ["project"] = TestSite.Link("Project", projectId), ["code"] = "sh010", ["description"] = "d" });
        var shotId = created["data"]!["id"]!.GetValue<long>();
        var rows = await EventsAfterAsync(site, before);

        Assert.Equal(["Shotgun_Shot_Change", "Shotgun_Shot_Change", "Shotgun_Shot_Change", "Shotgun_Shot_New"], rows.Select(Type).ToArray());
        Assert.Equal(["code", "description", "sg_status_list"], rows.Take(3).Select(r => r!["attributes"]!["attribute_name"]!.GetValue<string>()).ToArray());
        var code = Meta(rows[0]);
        Assert.Equal("attribute_change", code["type"]!.GetValue<string>());
        Assert.True(code["in_create"]!.GetValue<bool>());
        Assert.Null(code["old_value"]);
        Assert.Equal("sh010", code["new_value"]!.GetValue<string>());
        Assert.Equal("{\"type\":\"new_entity\",\"entity_type\":\"Shot\",\"entity_id\":" + shotId + "}", Meta(rows[3]).ToJsonString());
        Assert.All(rows, r =>
        {
            Assert.Equal("ApiUser", r!["relationships"]!["user"]!["data"]!["type"]!.GetValue<string>());
            Assert.Equal(site.Emulator.ScriptApiUserId, r["relationships"]!["user"]!["data"]!["id"]!.GetValue<long>());
            Assert.Equal(shotId, r["relationships"]!["entity"]!["data"]!["id"]!.GetValue<long>());
            Assert.Equal(projectId, r["relationships"]!["project"]!["data"]!["id"]!.GetValue<long>());
        });
    }

    [Fact]
    public async Task UpdateWritesOneChangeWithOldAndNewAndNoInCreate()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("Events"));
        var shotId = site.Store.Create("Shot", new() { ["project"] = project, ["code"] = "sh010" });
        var before = site.Store.NewestEventId;

        await site.SendAsync(HttpMethod.Put, $"api/v1/entity/shots/{shotId}", new JsonObject { ["sg_status_list"] = "ip", ["code"] = "sh010" });
        var rows = await EventsAfterAsync(site, before);

        var row = Assert.Single(rows);
        Assert.Equal("Shotgun_Shot_Change", Type(row));
        Assert.Equal(
            $"{{\"type\":\"attribute_change\",\"attribute_name\":\"sg_status_list\",\"entity_type\":\"Shot\",\"entity_id\":{shotId},\"field_data_type\":\"status_list\",\"old_value\":\"wtg\",\"new_value\":\"ip\",\"platform_id\":null}}",
            Meta(row).ToJsonString());
    }

    [Fact]
    public async Task RetireWritesRetirementAndRetirementDateAndNullsEntityOnOlderRowsUntilRevived()
    {
        await using var site = await TestSite.StartAsync();
        var project = new EntityLink("Project", site.Store.CreateProject("Events"));
        var before = site.Store.NewestEventId;
        var assetId = site.Store.Create("Asset", new() { ["project"] = project, ["code"] = "charA" });
        var afterCreate = site.Store.NewestEventId;

        Assert.Equal(204, (await site.SendAsync(HttpMethod.Delete, $"api/v1/entity/assets/{assetId}")).Status);
        var retireRows = await EventsAfterAsync(site, afterCreate);
        var allWhileRetired = await EventsAfterAsync(site, before);
        var afterRetire = site.Store.NewestEventId;

        Assert.Equal(["Shotgun_Asset_Retirement", "Shotgun_Asset_Change"], retireRows.Select(Type).ToArray());
        var retirement = Meta(retireRows[0]).AsObject();
        Assert.Equal(["type", "class_name", "display_name", "entity_id", "entity_type", "id", "retirement_date"], retirement.Select(p => p.Key).ToArray());
        Assert.Equal("entity_retirement", retirement["type"]!.GetValue<string>());
        Assert.Equal("charA", retirement["display_name"]!.GetValue<string>());
        Assert.Equal("retirement_date", retireRows[1]!["attributes"]!["attribute_name"]!.GetValue<string>());
        Assert.Null(Meta(retireRows[1])["old_value"]);
        Assert.Equal(retirement["retirement_date"]!.GetValue<string>(), Meta(retireRows[1])["new_value"]!.GetValue<string>());
        Assert.All(allWhileRetired, r => Assert.Null(r!["relationships"]!["entity"]!["data"]));

        Assert.Equal(200, (await site.SendAsync(HttpMethod.Post, $"api/v1/entity/assets/{assetId}?revive=true")).Status);
        var reviveRows = await EventsAfterAsync(site, afterRetire);
        var allAfterRevive = await EventsAfterAsync(site, before);

        Assert.Equal(["Shotgun_Asset_Change", "Shotgun_Asset_Revival"], reviveRows.Select(Type).ToArray());
        Assert.Null(Meta(reviveRows[0])["new_value"]);
        Assert.Equal("entity_revival", Meta(reviveRows[1])["type"]!.GetValue<string>());
        Assert.All(allAfterRevive, r => Assert.Equal(assetId, r!["relationships"]!["entity"]!["data"]!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task EventTypeAndProjectFiltersSelectRows()
    {
        await using var site = await TestSite.StartAsync();
        var before = site.Store.NewestEventId;
        var a = ShotGridSeeder.SeedProject(site.Store, new SeedSpec("A", SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));
        ShotGridSeeder.SeedProject(site.Store, new SeedSpec("B", SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));

        var rows = await EventsAfterAsync(site, before,
            TestSite.Cond("event_type", "in", new JsonArray("Shotgun_Shot_New", "Shotgun_Asset_New")),
            TestSite.Cond("project", "in", new JsonArray(TestSite.Link("Project", a.ProjectId))));

        Assert.Equal(a.ShotIds.Concat(a.AssetIds).ToArray(), rows.Select(r => r!["relationships"]!["entity"]!["data"]!["id"]!.GetValue<long>()).ToArray());
    }

    [Fact]
    public async Task MetaIsNotFilterable()
    {
        await using var site = await TestSite.StartAsync();
        var (status, body, _) = await site.SearchAsync("event_log_entries",
            new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("meta", "is", "x")) }, TestSite.ArrayType);

        Assert.Equal(400, status);
        Assert.Equal("API read() EventLogEntry.meta's 'serializable' data type cannot be used in a filter.", TestSite.FirstError(body)["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptWithEventLoggingOffWritesNoRows()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("Quiet");
        site.Store.Update("ApiUser", site.Emulator.ScriptApiUserId, new() { ["generate_event_log_entries"] = false });
        var before = site.Store.NewestEventId;

        await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots", new JsonObject { ["project"] = TestSite.Link("Project", projectId) });

        Assert.Equal(before, site.Store.NewestEventId);
    }

    [Fact]
    public async Task StoreWritesAreAttributedToTheGivenActorOrTheAdmin()
    {
        await using var site = await TestSite.StartAsync();
        var projectId = site.Store.CreateProject("Actors");
        site.Store.Create("Shot", new() { ["project"] = new EntityLink("Project", projectId) }, new StoreActor("ApiUser", site.Emulator.ScriptApiUserId));

        var events = site.Store.Events;
        Assert.Equal(site.Store.DefaultActor, events.First(e => e.EventType == "Shotgun_Project_New").User);
        Assert.Equal(new StoreActor("ApiUser", site.Emulator.ScriptApiUserId), events.Last().User);
        Assert.Equal("Shotgun_Shot_New", events.Last().EventType);
    }
}
