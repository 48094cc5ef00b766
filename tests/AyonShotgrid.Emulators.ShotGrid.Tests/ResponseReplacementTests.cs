using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

/// <summary>The switch that serves wrong-typed fields the store would refuse to hold: only the chosen record changes, in every answer.</summary>
public sealed class ResponseReplacementTests
{
    [Fact]
    public async Task ChosenFieldsOfOneRecordAreAnsweredAsTheRawJsonGivenAndOthersStayAsStored()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Raw");
        var sequence = site.Store.Create("Sequence", new() { ["code"] = "sq", ["project"] = new EntityLink("Project", project) });
        var odd = site.Store.Create("Shot", new() { ["code"] = "sh_odd", ["project"] = new EntityLink("Project", project), ["sg_sequence"] = new EntityLink("Sequence", sequence) });
        var plain = site.Store.Create("Shot", new() { ["code"] = "sh_plain", ["project"] = new EntityLink("Project", project), ["sg_sequence"] = new EntityLink("Sequence", sequence) });
        site.Emulator.Faults.ReplaceInResponses("Shot", odd, "code", JsonValue.Create(42));
        site.Emulator.Faults.ReplaceInResponses("Shot", odd, "sg_sequence", JsonValue.Create("Sequence:1"));
        site.Emulator.Faults.ReplaceInResponses("Shot", odd, "sg_custom_thing", new JsonArray(1, 2));

        var body = new JsonObject
        {
            ["filters"] = new JsonArray(TestSite.Cond("project", "is", TestSite.Link("Project", project))),
            ["fields"] = new JsonArray("code", "sg_sequence", "sg_custom_thing"),
        };
        var (status, json, _) = await site.SearchAsync("shots", body, TestSite.ArrayType);
        var (one, single, _) = await site.GetAsync($"api/v1/entity/shots/{odd}?fields=code");
        site.Emulator.Faults.Reset();
        var (_, after, _) = await site.GetAsync($"api/v1/entity/shots/{odd}?fields=code");

        Assert.Equal(200, status);
        var records = json["data"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<long>());
        Assert.Equal(42, records[odd]!["attributes"]!["code"]!.GetValue<int>());
        Assert.Equal("Sequence:1", records[odd]!["relationships"]!["sg_sequence"]!["data"]!.GetValue<string>());
        Assert.Equal("[1,2]", records[odd]!["attributes"]!["sg_custom_thing"]!.ToJsonString());
        Assert.Equal("sh_plain", records[plain]!["attributes"]!["code"]!.GetValue<string>());
        Assert.Equal(sequence, records[plain]!["relationships"]!["sg_sequence"]!["data"]!["id"]!.GetValue<long>());

        // A field the request did not ask for stays out; the record's own id can be replaced too.
        Assert.Equal(200, one);
        Assert.Equal(42, single["data"]!["attributes"]!["code"]!.GetValue<int>());
        Assert.Null(single["data"]!["relationships"]!["sg_sequence"]);
        Assert.Equal("sh_odd", after["data"]!["attributes"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEventRowsIdAndCreatedAtCanBeAnsweredWithTheWrongType()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("RawEvents");
        var eventId = site.Store.NewestEventId;
        site.Emulator.Faults.ReplaceInResponses("EventLogEntry", eventId, "created_at", JsonValue.Create(true));
        site.Emulator.Faults.ReplaceInResponses("EventLogEntry", eventId, "id", JsonValue.Create("12"));

        var body = new JsonObject
        {
            ["filters"] = new JsonArray(TestSite.Cond("id", "is", JsonValue.Create(eventId))),
            ["fields"] = new JsonArray("created_at", "event_type"),
        };
        var (status, json, _) = await site.SearchAsync("event_log_entries", body, TestSite.ArrayType);

        Assert.Equal(200, status);
        var row = json["data"]!.AsArray().Single()!;
        Assert.Equal("12", row["id"]!.GetValue<string>());
        Assert.True(row["attributes"]!["created_at"]!.GetValue<bool>());
        Assert.StartsWith("Shotgun_Project_", row["attributes"]!["event_type"]!.GetValue<string>());
        Assert.True(project > 0);
    }
}
