using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;
using static AyonShotgrid.Tests.Clients.ShotGridTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class ShotGridClientReadTests
{
    [Fact]
    public async Task SearchAllReadsPagesUntilAShortOneIgnoringLinksNext()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
        {
            if (req.Path == TokenPath)
            {
                return WriteTokenAsync(ctx, 1);
            }

            var page = JsonNode.Parse(req.Body)!["page"]!["number"]!.GetValue<int>();
            long[] ids = page switch { 1 => [1, 2], 2 => [3, 4], 3 => [5], _ => [] };
            return LoopbackServer.WriteJsonAsync(ctx, 200, Records("Shot", ids, "shots"));
        });
        using var client = Client(server, new InstantDelayTimeProvider());
        var filter = SgFilter.And().Where("project", "is", new SgEntityRef("Project", 70)).Where("sg_status_list", "in", new[] { "ip", "fin" });

        var records = await client.SearchAllAsync("Shot", filter, ["code", "sg_sequence"], CancellationToken.None, sort: "id", pageSize: 2);

        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Id));
        Assert.Equal("shot5", records[^1].GetString("code"));
        var searches = server.RequestsTo(ShotSearchPath);
        Assert.Equal(3, searches.Count);
        Assert.All(searches, r => Assert.Equal("application/vnd+shotgun.api3_hash+json", r.Headers.ContentType.ToString()));
        var body = JsonNode.Parse(searches[2].Body)!;
        Assert.True(JsonNode.DeepEquals(filter.ToJson(), body["filters"]));
        Assert.Equal("""["code","sg_sequence"]""", body["fields"]!.ToJsonString());
        Assert.Equal("id", body["sort"]!.GetValue<string>());
        Assert.Equal("""{"size":2,"number":3}""", body["page"]!.ToJsonString());
        Assert.Equal("""{"return_only":"active","include_archived_projects":true}""", body["options"]!.ToJsonString());
    }

    [Fact]
    public async Task RetiredSearchesAskForRetiredRows()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1) : LoopbackServer.WriteJsonAsync(ctx, 200, Records("EventLogEntry", [], "event_log_entries")));
        using var client = Client(server, new InstantDelayTimeProvider());

        await client.SearchAllAsync("EventLogEntry", SgFilter.And(), ["id"], CancellationToken.None, retiredOnly: true);

        var search = Assert.Single(server.RequestsTo("/api/v1/entity/event_log_entries/_search"));
        Assert.Equal("retired", JsonNode.Parse(search.Body)!["options"]!["return_only"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(search.Body)!["sort"]);
    }

    [Fact]
    public async Task FindOneReadsAttributesAndLinksAndReturnsNullOn404()
    {
        const string shot = """
            {"data": {"type": "Shot", "id": 11,
              "attributes": {"code": "sh010", "sg_sequence.Sequence.code": "sq01", "sg_cut_in": 1001},
              "relationships": {"sg_sequence": {"data": {"type": "Sequence", "id": 5, "name": "sq01"}, "links": {}},
                                "assets": {"data": [{"type": "Asset", "id": 8, "name": "hero"}]},
                                "parent": {"data": null}},
              "links": {"self": "/api/v1/entity/shots/11"}}, "links": {"self": "/api/v1/entity/shots/11"}}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1)
            : req.Path.EndsWith("/11", StringComparison.Ordinal) ? LoopbackServer.WriteJsonAsync(ctx, 200, shot)
            : LoopbackServer.WriteJsonAsync(ctx, 404, Error(404, 104, null!, "Shot: 12 not found")));
        using var client = Client(server, new InstantDelayTimeProvider());

        var found = await client.FindOneAsync("Shot", 11, ["code", "sg_sequence", "assets"], CancellationToken.None, retiredOnly: true);
        var missing = await client.FindOneAsync("Shot", 12, ["code"], CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("sh010", found.GetString("code"));
        Assert.Equal("sq01", found.GetString("sg_sequence.Sequence.code"));
        Assert.Equal(1001, found.GetLong("sg_cut_in"));
        Assert.Equal(new SgEntityRef("Sequence", 5, "sq01"), found.GetLink("sg_sequence"));
        Assert.Equal([new SgEntityRef("Asset", 8, "hero")], found.GetLinks("assets"));
        Assert.Null(found.GetLink("parent"));
        Assert.Null(missing);
        var request = server.RequestsTo("/api/v1/entity/shots/11")[0];
        Assert.Equal("code,sg_sequence,assets", request.Query["fields"].ToString());
        Assert.Equal("retired", request.Query["options[return_only]"].ToString());
        Assert.False(server.RequestsTo("/api/v1/entity/shots/12")[0].Query.ContainsKey("options[return_only]"));
    }

    [Fact]
    public async Task FindOneOnAnUnknownEntityTypeIsAnErrorNotAMissingRecord()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1)
            : LoopbackServer.WriteJsonAsync(ctx, 404, Error(404, 103, null!, "Entity type 'Shoot' does not exist.")));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<ShotGridException>(() => client.FindOneAsync("Shoot", 1, ["code"], CancellationToken.None));

        Assert.Equal(103, error.Code);
        Assert.Contains("Entity type 'Shoot' does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFieldsUnwrapsTheSchemaValues()
    {
        const string schema = """
            {"data": {
              "sg_status_list": {"name": {"value": "Status", "editable": true}, "data_type": {"value": "status_list", "editable": false},
                "properties": {"valid_values": {"value": ["wtg", "ip"], "editable": true},
                               "display_values": {"value": {"wtg": "Waiting", "ip": "In Progress"}, "editable": true}}},
              "sg_sequence": {"name": {"value": "Sequence", "editable": true}, "data_type": {"value": "entity", "editable": false},
                "properties": {"valid_types": {"value": ["Sequence"], "editable": true}}},
              "code": {"name": {"value": "Shot Code", "editable": true}, "data_type": {"value": "text", "editable": false}, "properties": {}}
            }}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Path == TokenPath ? WriteTokenAsync(ctx, 1) : LoopbackServer.WriteJsonAsync(ctx, 200, schema));
        using var client = Client(server, new InstantDelayTimeProvider());

        var fields = await client.GetFieldsAsync("Shot", CancellationToken.None);

        Assert.Single(server.RequestsTo("/api/v1/schema/Shot/fields"));
        var status = fields["sg_status_list"];
        Assert.Equal(("sg_status_list", "Status", "status_list"), (status.Name, status.DisplayName, status.DataType));
        Assert.Equal(["wtg", "ip"], status.ValidValues);
        Assert.Equal("In Progress", status.DisplayValues["ip"]);
        Assert.Equal(["Sequence"], fields["sg_sequence"].ValidTypes);
        Assert.Empty(fields["code"].ValidValues);
        Assert.Equal("Shot Code", fields["code"].DisplayName);
    }

    [Theory]
    [InlineData("Project", "projects")]
    [InlineData("HumanUser", "human_users")]
    [InlineData("ApiUser", "api_users")]
    [InlineData("EventLogEntry", "event_log_entries")]
    [InlineData("Step", "steps")]
    [InlineData("Task", "tasks")]
    [InlineData("Status", "statuses")]
    [InlineData("PublishedFile", "published_files")]
    [InlineData("Sequence", "sequences")]
    [InlineData("CustomEntity01", "CustomEntity01")]
    [InlineData("shots", "shots")]
    public void EntityTypesMapToSnakeCasePluralSlugs(string type, string slug) => Assert.Equal(slug, ShotGridSlugs.ForEntityType(type));

    [Fact]
    public void RecordValuesOutliveTheParsedAnswer()
    {
        SgRecord record;
        using (var doc = JsonDocument.Parse("""{"type":"Shot","id":1,"attributes":{"code":"a"},"relationships":{}}"""))
        {
            record = ShotGridJson.ReadRecord(doc.RootElement);
        }

        Assert.Equal("a", record.GetString("code"));
    }
}
