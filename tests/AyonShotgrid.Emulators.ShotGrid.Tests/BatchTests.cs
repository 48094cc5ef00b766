using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

/// <summary>POST /entity/_batch as sg-groundtruth measured it (endpoints/post_entity_batch, recipes/002_batch, findings/024).</summary>
public sealed class BatchTests
{
    private static Task<(int Status, JsonNode Body, HttpResponseMessage Response)> BatchAsync(TestSite site, params JsonObject[] requests) =>
        site.SendAsync(HttpMethod.Post, "api/v1/entity/_batch", new JsonObject { ["requests"] = new JsonArray(requests) });

    private static JsonObject Create(string type, JsonObject data) => new() { ["request_type"] = "create", ["entity"] = type, ["data"] = data };

    private static JsonObject Update(string type, long id, JsonObject data) =>
        new() { ["request_type"] = "update", ["entity"] = type, ["record_id"] = id, ["data"] = data };

    private static JsonObject Delete(string type, long id) => new() { ["request_type"] = "delete", ["entity"] = type, ["record_id"] = id };

    [Fact]
    public async Task MixedBatchIs200WithOneRowPerRequestInRequestOrder()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Batch");
        var shotId = site.Store.Create("Shot", new() { ["project"] = new EntityLink("Project", project), ["code"] = "sh010" });
        var doomed = site.Store.Create("Version", new() { ["project"] = new EntityLink("Project", project), ["code"] = "old" });

        var (status, body, _) = await BatchAsync(site,
            Create("Version", new JsonObject { ["project"] = TestSite.Link("Project", project), ["code"] = "v001", ["entity"] = TestSite.Link("Shot", shotId) }),
            Update("Shot", shotId, new JsonObject { ["description"] = "batched" }),
            Delete("Version", doomed));
        var rows = body["data"]!.AsArray();

        Assert.Equal(200, status);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["data"], rows[0]!.AsObject().Select(p => p.Key).ToArray());
        var version = rows[0]!["data"]!;
        Assert.Equal("Version", version["type"]!.GetValue<string>());
        Assert.Equal("v001", version["attributes"]!["code"]!.GetValue<string>());
        Assert.Equal("rev", version["attributes"]!["sg_status_list"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", version["attributes"]!["created_at"]!.GetValue<string>());
        Assert.Equal(shotId, version["relationships"]!["entity"]!["data"]!["id"]!.GetValue<long>());
        Assert.Equal($"/api/v1/entity/versions/{version["id"]}", version["links"]!["self"]!.GetValue<string>());
        Assert.Equal(["data", "links", "status"], rows[1]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("successful", rows[1]!["status"]!.GetValue<string>());
        Assert.Equal("batched", rows[1]!["data"]!["attributes"]!["description"]!.GetValue<string>());
        Assert.Equal(["request_type", "type", "id", "uuid", "did_delete"], rows[2]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(doomed, rows[2]!["id"]!.GetValue<long>());
        Assert.True(rows[2]!["did_delete"]!.GetValue<bool>());
        Assert.Null(site.Store.Get("Version", doomed));
        Assert.Equal("batched", site.Store.Get("Shot", shotId)!["description"]);
    }

    [Fact]
    public async Task OneRefusedRequestWritesNothingOfTheBatch()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Batch");
        var shotId = site.Store.Create("Shot", new() { ["project"] = new EntityLink("Project", project), ["code"] = "sh010", ["description"] = "before" });
        var eventsBefore = site.Store.NewestEventId;

        var (status, body, _) = await BatchAsync(site,
            Create("Version", new JsonObject { ["project"] = TestSite.Link("Project", project), ["code"] = "sh011" }),
            Update("Shot", shotId, new JsonObject { ["description"] = "after" }),
            Update("Version", 999999999, new JsonObject { ["description"] = "x" }));

        Assert.Equal(404, status);
        Assert.Equal("Entity of type [Version] with id=999999999 does not exist.", TestSite.FirstError(body)["detail"]!.GetValue<string>());
        Assert.Empty(await site.SearchIdsAsync("versions", new JsonObject { ["filters"] = new JsonArray() }, TestSite.ArrayType));
        Assert.Equal("before", site.Store.Get("Shot", shotId)!["description"]);
        Assert.Equal(eventsBefore, site.Store.NewestEventId);
    }

    [Fact]
    public async Task DeletingTheSameRowTwiceIs404AndTheFirstDeleteIsNotApplied()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Batch");
        var versionId = site.Store.Create("Version", new() { ["project"] = new EntityLink("Project", project), ["code"] = "v001" });

        var (status, _, _) = await BatchAsync(site, Delete("Version", versionId), Delete("Version", versionId));

        Assert.Equal(404, status);
        Assert.NotNull(site.Store.Get("Version", versionId));
    }

    [Fact]
    public async Task RefusedValueReadsAsTheFieldErrorWrappedForTheBatch()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Batch");

        var (unknownStatus, unknown, _) = await BatchAsync(site,
            Create("Version", new JsonObject { ["project"] = TestSite.Link("Project", project), ["sg_not_a_field"] = 1 }));
        var (statusStatus, badStatus, _) = await BatchAsync(site,
            Create("Version", new JsonObject { ["project"] = TestSite.Link("Project", project), ["sg_status_list"] = "not_a_status" }));
        var (linkStatus, badLink, _) = await BatchAsync(site,
            Create("Version", new JsonObject { ["project"] = TestSite.Link("Project", project), ["entity"] = TestSite.Link("Shot", -1) }));

        Assert.Equal((400, 400, 400), (unknownStatus, statusStatus, linkStatus));
        Assert.Equal("Invalid field value, update failed [2 - Invalid field name: field [Version.sg_not_a_field] does not exist or user does not have access permission.]",
            TestSite.FirstError(unknown)["title"]!.GetValue<string>());
        Assert.StartsWith("Invalid field value, update failed [5 - Update failed for [Version.sg_status_list]: 'not_a_status' is not a valid status.",
            TestSite.FirstError(badStatus)["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Invalid field value, update failed [5 - Update failed for [Version.entity]: Value is not legal.]",
            TestSite.FirstError(badLink)["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedBodiesAreRefusedNamingWhatWasWanted()
    {
        await using var site = await TestSite.StartAsync();

        async Task<(int Status, string Error)> Send(JsonNode body, string contentType = "application/json")
        {
            var (status, json, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/_batch", body, contentType);
            var error = TestSite.FirstError(json);
            return (status, error["title"]!.GetValue<string>() + " " + error["source"]?.ToJsonString());
        }

        var oneCreate = new JsonObject { ["requests"] = new JsonArray(Create("Version", new JsonObject { ["code"] = "v" })) };
        Assert.Equal(415, (await Send(oneCreate, TestSite.ArrayType)).Status);
        Assert.Equal((400, "Invalid JSON body. Expected Hash but received Array. "), await Send(new JsonArray()));
        Assert.Equal((400, "Request Parameters invalid. {\"requests\":[\"requests is missing\"]}"), await Send(new JsonObject { ["data"] = new JsonArray() }));
        Assert.Equal((400, "Request Parameters invalid. {\"requests\":{\"0\":{\"entity\":[\"entity is missing\"]}}}"),
            await Send(new JsonObject { ["requests"] = new JsonArray(new JsonObject { ["request_type"] = "create", ["data"] = new JsonObject { ["code"] = "v" } }) }));
        Assert.Equal((400, "Request Parameters invalid. {\"requests\":{\"0\":{\"request_type\":[\"request_type must be one of: create, update, delete\"]}}}"),
            await Send(new JsonObject { ["requests"] = new JsonArray(new JsonObject { ["request_type"] = "read", ["entity"] = "Version" }) }));
        Assert.Equal((400, "Request Parameters invalid. {\"data\":[\"data hash containing field/value pairs is required for the given request\"]}"),
            await Send(new JsonObject { ["requests"] = new JsonArray(new JsonObject { ["request_type"] = "create", ["entity"] = "Version" }) }));
        Assert.Equal((400, "Invalid entity type: entity type [] does not exist. "),
            await Send(new JsonObject { ["requests"] = new JsonArray(Create("versions", new JsonObject { ["code"] = "v" })) }));
        Assert.Equal(404, (await Send(new JsonObject { ["requests"] = new JsonArray(new JsonObject { ["request_type"] = "delete", ["entity"] = "Version" }) })).Status);

        var (emptyStatus, empty, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/_batch", new JsonObject { ["requests"] = new JsonArray() });
        Assert.Equal((200, "{\"data\":[]}"), (emptyStatus, empty.ToJsonString()));
    }

    [Fact]
    public async Task PublishedFileLinksItsVersionBothWaysAndTakesAPathHash()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Batch");
        var shotId = site.Store.Create("Shot", new() { ["project"] = new EntityLink("Project", project), ["code"] = "sh010" });
        var taskId = site.Store.Create("Task", new() { ["project"] = new EntityLink("Project", project), ["content"] = "comp", ["entity"] = new EntityLink("Shot", shotId) });
        var typeId = site.Store.Create("PublishedFileType", new() { ["code"] = "exr" });
        var (_, versionBody, _) = await BatchAsync(site, Create("Version", new JsonObject
        {
            ["project"] = TestSite.Link("Project", project), ["code"] = "sh010_comp_v001", ["entity"] = TestSite.Link("Shot", shotId),
            ["sg_task"] = TestSite.Link("Task", taskId), ["sg_first_frame"] = 1001, ["sg_last_frame"] = 1100, ["frame_range"] = "1001-1100",
        }));
        var versionId = versionBody["data"]![0]!["data"]!["id"]!.GetValue<long>();

        var (status, body, _) = await BatchAsync(site, Create("PublishedFile", new JsonObject
        {
            ["project"] = TestSite.Link("Project", project), ["code"] = "sh010_comp_v001.exr", ["version"] = TestSite.Link("Version", versionId),
            ["published_file_type"] = TestSite.Link("PublishedFileType", typeId), ["path"] = new JsonObject { ["local_path"] = "/mnt/show/sh010_comp_v001.exr" },
        }));
        var (stringPathStatus, _, _) = await BatchAsync(site, Create("PublishedFile", new JsonObject
        {
            ["project"] = TestSite.Link("Project", project), ["path"] = "/mnt/show/sh010_comp_v001.exr",
        }));
        var fileId = body["data"]![0]!["data"]!["id"]!.GetValue<long>();
        var (_, file, _) = await site.GetAsync($"api/v1/entity/published_files/{fileId}?fields=path,version,published_file_type");

        Assert.Equal(200, status);
        Assert.Equal(400, stringPathStatus);
        Assert.Equal("local", file["data"]!["attributes"]!["path"]!["link_type"]!.GetValue<string>());
        Assert.Equal("/mnt/show/sh010_comp_v001.exr", file["data"]!["attributes"]!["path"]!["local_path_linux"]!.GetValue<string>());
        Assert.Equal("exr", file["data"]!["relationships"]!["published_file_type"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal([new EntityLink("PublishedFile", fileId)], site.Store.Get("Version", versionId)!["published_files"] as List<EntityLink>);
        Assert.Equal([new EntityLink("Version", versionId)], site.Store.Get("Task", taskId)!["sg_versions"] as List<EntityLink>);
        Assert.Equal(1001L, site.Store.Get("Version", versionId)!["sg_first_frame"]);
    }

    [Fact]
    public async Task BatchWritesTheSameEventRowsAsSingleWrites()
    {
        await using var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("Batch");
        var before = site.Store.NewestEventId;

        await BatchAsync(site, Create("Version", new JsonObject { ["project"] = TestSite.Link("Project", project), ["code"] = "v001" }));
        var types = site.Store.Events.Where(e => e.Id > before).Select(e => $"{e.EventType} {e.AttributeName}").ToArray();

        Assert.Equal(["Shotgun_Version_Change code", "Shotgun_Version_Change sg_status_list", "Shotgun_Version_New "], types);
        Assert.All(site.Store.Events.Where(e => e.Id > before), e => Assert.Equal(new StoreActor("ApiUser", site.Emulator.ScriptApiUserId), e.User));
    }
}
