using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests.Conformance;

// sg-groundtruth findings about the event log (corpus/findings/025, 049, 090, field_types/serializable) and the rows
// sgcache recorded (Recorded/event_log_examples.json): one case each.
public sealed partial class ShotGridConformanceTests
{
    private static readonly JsonArray EventFields = new("id", "event_type", "attribute_name", "meta", "entity", "project", "user");

    private static JsonObject Example(string name) => RecordedPair.EventLogExamples[name]!.AsObject();

    private static string[] KeysOf(JsonNode? node) => [.. node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static async Task<List<JsonObject>> EventsAfterAsync(TestSite site, long after)
    {
        var (status, body, _) = await site.SearchAsync("event_log_entries", new JsonObject
        {
            ["filters"] = new JsonArray(TestSite.Cond("id", "greater_than", after)), ["fields"] = EventFields.DeepClone(), ["sort"] = "id",
        }, TestSite.ArrayType);
        Assert.Equal(200, status);
        return [.. body["data"]!.AsArray().Select(r => r!.AsObject())];
    }

    private static JsonNode Meta(JsonObject row) => row["attributes"]!["meta"]!;

    [Fact]
    public async Task LinkedCreateAlsoWritesTheBackReferenceRowOnTheParent()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("GT");
        var sequence = site.Store.Create("Sequence", new() { ["project"] = new EntityLink("Project", project), ["code"] = "sq010" });
        var before = site.Store.NewestEventId;

        var (_, created, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots", new JsonObject
        {
            ["project"] = TestSite.Link("Project", project), ["code"] = "sh010", ["sg_sequence"] = TestSite.Link("Sequence", sequence),
        });
        var shot = created["data"]!["id"]!.GetValue<long>();
        var rows = await EventsAfterAsync(site, before);

        var forward = rows.Single(r => r["attributes"]!["attribute_name"]?.ToString() == "sg_sequence");
        var back = rows[rows.IndexOf(forward) + 1];
        Assert.Equal("Shotgun_Sequence_Change", back["attributes"]!["event_type"]!.GetValue<string>());
        Assert.Equal("shots", back["attributes"]!["attribute_name"]!.GetValue<string>());
        Assert.Equal(sequence, back["relationships"]!["entity"]!["data"]!["id"]!.GetValue<long>());
        var meta = Meta(back);
        var recorded = Example("change_backref_2015")["row"]!["meta"]!;
        Assert.Equal(KeysOf(recorded), KeysOf(meta));
        Assert.Equal(("Shot", shot, "Shot.sg_sequence", "entity"), (meta["entity_type"]!.GetValue<string>(), meta["entity_id"]!.GetValue<long>(),
            meta["actual_attribute_changed"]!.GetValue<string>(), meta["field_data_type"]!.GetValue<string>()));
        Assert.True(meta["in_create"]!.GetValue<bool>());
        Assert.Equal(forward["id"]!.GetValue<long>(), meta["original_event_log_entry_id"]!.GetValue<long>());
        Assert.Empty(meta["removed"]!.AsArray());
        var added = Assert.Single(meta["added"]!.AsArray());
        Assert.Equal(KeysOf(recorded["added"]![0]), KeysOf(added));
        Assert.Equal((shot, "sh010", "wtg"), (added!["id"]!.GetValue<long>(), added["name"]!.GetValue<string>(), added["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EntityValuesInMetaCarryStatusAndUuid()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("GT");
        var shot = site.Store.Create("Shot", new() { ["project"] = new EntityLink("Project", project), ["code"] = "sh010", ["sg_status_list"] = "ip" });
        var before = site.Store.NewestEventId;

        var (_, created, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/versions", new JsonObject
        {
            ["project"] = TestSite.Link("Project", project), ["code"] = "v001", ["entity"] = TestSite.Link("Shot", shot),
        });
        var version = created["data"]!["id"]!.GetValue<long>();
        await site.SendAsync(HttpMethod.Put, $"api/v1/entity/shots/{shot}", new JsonObject
        {
            ["assets"] = new JsonArray(TestSite.Link("Asset", site.Store.Create("Asset", new() { ["project"] = new EntityLink("Project", project), ["code"] = "charA" }))),
        });
        var rows = await EventsAfterAsync(site, before);

        var entityValue = Meta(rows.Single(r => r["attributes"]!["attribute_name"]?.ToString() == "entity"))["new_value"]!;
        Assert.Equal(["id", "name", "status", "type", "uuid", "valid"], KeysOf(entityValue));
        Assert.Equal(("ip", "valid"), (entityValue["status"]!.GetValue<string>(), entityValue["valid"]!.GetValue<string>()));
        Assert.True(Guid.TryParse(entityValue["uuid"]!.GetValue<string>(), out _));
        var listValue = Meta(rows.Single(r => r["attributes"]!["attribute_name"]?.ToString() == "assets"))["added"]![0];
        Assert.Equal(KeysOf(Example("multi_entity_in_create_2026")["meta"]!["added"]![0]), KeysOf(listValue));
        Assert.NotEqual(entityValue["uuid"]!.GetValue<string>(), listValue!["uuid"]!.GetValue<string>());
        Assert.True(version > 0);
    }

    [Fact]
    public async Task RetirementRowsHaveExactlyTheRecordedMetaKeys()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("GT");
        var task = site.Store.Create("Task", new() { ["project"] = new EntityLink("Project", project), ["content"] = "comp" });
        var before = site.Store.NewestEventId;

        await site.SendAsync(HttpMethod.Delete, $"api/v1/entity/tasks/{task}");
        var rows = await EventsAfterAsync(site, before);

        Assert.Equal(["Shotgun_Task_Retirement", "Shotgun_Task_Change"], rows.Select(r => r["attributes"]!["event_type"]!.GetValue<string>()).ToArray());
        Assert.Equal(KeysOf(Example("retirement_2015")["row"]!["meta"]), KeysOf(Meta(rows[0])));
        Assert.Equal(KeysOf(Example("change_retirement_date_2015")["row"]!["meta"]), KeysOf(Meta(rows[1])));
    }

    [Fact]
    public async Task EventRowsAreReadOnlyByPermissionRule()
    {
        await using var site = await TestSite.StartAsync();
        site.Store.CreateProject("GT");
        var id = site.Store.NewestEventId;

        var (putStatus, put, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/event_log_entries/{id}", new JsonObject { ["meta"] = new JsonObject() });
        var (deleteStatus, delete, _) = await site.SendAsync(HttpMethod.Delete, $"api/v1/entity/event_log_entries/{id}");

        Assert.Equal((400, 400), (putStatus, deleteStatus));
        Assert.Equal(104, TestSite.FirstError(put)["code"]!.GetValue<int>());
        Assert.Contains("PermissionRule 306: DENY update_field FOR entity_type => EventLogEntry", TestSite.FirstError(put)["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("PermissionRule 297: DENY retire_entity FOR entity_type => EventLogEntry", TestSite.FirstError(delete)["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
