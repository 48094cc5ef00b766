using System.Net;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using static AyonShotgrid.Tests.Clients.AyonTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class AyonClientRestTests
{
    [Fact]
    public async Task SendsTheApiKeyAndSenderHeaders()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            LoopbackServer.WriteJsonAsync(ctx, 200, """{"detail":"Showing 2 of 2 projects","count":2,"projects":[{"name":"demo","code":"dm"},{"name":"other","code":"ot"}]}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var names = await client.ListProjectNamesAsync(CancellationToken.None);

        Assert.Equal(["demo", "other"], names);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/api/projects"), (request.Method, request.Path));
        Assert.Equal(ApiKey, request.Headers["x-api-key"].ToString());
        Assert.Equal("shotgrid", request.Headers["x-sender-type"].ToString());
        Assert.Equal(AyonClient.SenderName(Environment.MachineName), request.Headers["x-sender"].ToString());
        Assert.Matches("^[a-zA-Z0-9_]([a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$", request.Headers["x-sender"].ToString());
    }

    [Fact]
    public async Task GetProjectMapsAnatomyAttribAndDataAndReturnsNullOn404()
    {
        const string project = """
            {"name": "demo", "code": "dm", "library": false,
             "folderTypes": [{"name": "Shot", "shortName": "sh", "color": "#cccccc", "icon": "movie"}],
             "taskTypes": [{"name": "Animation", "shortName": "anim", "icon": "directions_run"}],
             "statuses": [{"name": "In progress", "shortName": "IP", "state": "in_progress", "icon": "play_arrow", "color": "#00ff00", "scope": ["folder", "task"]},
                          {"name": "Done", "shortName": "DN", "state": "done"}],
             "attrib": {"fps": 25.0, "shotgridId": "70"}, "data": {"sg": {"site": "x"}}, "active": true}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, req) => req.Path == "/api/projects/demo"
            ? LoopbackServer.WriteJsonAsync(ctx, 200, project)
            : LoopbackServer.WriteJsonAsync(ctx, 404, """{"code":404,"detail":"Project missing not found"}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var demo = await client.GetProjectAsync("demo", CancellationToken.None);
        var missing = await client.GetProjectAsync("missing", CancellationToken.None);

        Assert.Null(missing);
        Assert.NotNull(demo);
        Assert.Equal(("demo", "dm"), (demo.Name, demo.Code));
        Assert.Equal([new AyonFolderType("Shot", "sh", "#cccccc", "movie")], demo.FolderTypes);
        Assert.Equal([new AyonTaskType("Animation", "anim", null, "directions_run")], demo.TaskTypes);
        Assert.Equal("in_progress", demo.Statuses[0].State);
        Assert.Equal(["folder", "task"], demo.Statuses[0].Scope!);
        Assert.Null(demo.Statuses[1].Scope);
        Assert.Equal(25.0, demo.Attrib["fps"]!.GetValue<double>());
        Assert.Equal("70", demo.Attrib["shotgridId"]!.GetValue<string>());
        Assert.Equal("x", demo.Data["sg"]!["site"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateProjectDeploysSnakeCaseAnatomyThenPatchesAttrib()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) => LoopbackServer.WriteJsonAsync(ctx, req.Method == "POST" ? 201 : 204, ""));
        using var client = Client(server, new InstantDelayTimeProvider());

        await client.CreateProjectAsync(
            new AyonProjectCreate(
                "demo", "dm", "Demo",
                [new AyonFolderType("Shot", "sh", Icon: "movie")],
                [new AyonTaskType("Animation", "anim")],
                [new AyonStatus("In progress", "IP", "in_progress", "#00ff00", Scope: ["task"])],
                new Dictionary<string, string?> { ["shotgridId"] = "70", ["shotgridType"] = "Project", ["unset"] = null }),
            CancellationToken.None);

        Assert.Equal(["POST /api/projects", "PATCH /api/projects/demo"], server.Requests.Select(r => $"{r.Method} {r.Path}"));
        var deploy = JsonNode.Parse(server.Requests[0].Body)!;
        Assert.Equal("demo", deploy["name"]!.GetValue<string>());
        Assert.Equal("dm", deploy["code"]!.GetValue<string>());
        Assert.Equal("Demo", deploy["label"]!.GetValue<string>());
        Assert.Equal("""[{"name":"Shot","shortName":"sh","icon":"movie"}]""", deploy["anatomy"]!["folder_types"]!.ToJsonString());
        Assert.Equal("""[{"name":"Animation","shortName":"anim"}]""", deploy["anatomy"]!["task_types"]!.ToJsonString());
        Assert.Equal(
            """[{"name":"In progress","shortName":"IP","color":"#00ff00","state":"in_progress","scope":["task"]}]""",
            deploy["anatomy"]!["statuses"]!.ToJsonString());
        Assert.Equal("""{"attrib":{"shotgridId":"70","shotgridType":"Project"}}""", JsonNode.Parse(server.Requests[1].Body)!.ToJsonString());
    }

    [Fact]
    public async Task CreateProjectIsNotRetriedAndConflictsCarryAyonsDetail()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            LoopbackServer.WriteJsonAsync(ctx, 409, """{"code":409,"detail":"Project demo (dm) already exists"}"""));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time);

        var error = await Assert.ThrowsAsync<AyonException>(() => client.CreateProjectAsync(
            new AyonProjectCreate("demo", "dm", null, [], [], [], new Dictionary<string, string?>()), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Contains("Project demo (dm) already exists", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Null(JsonNode.Parse(server.Requests[0].Body)!["anatomy"]!["folder_types"]);
    }

    [Fact]
    public async Task CreateProjectIsNotRetriedOnServerErrors()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) => LoopbackServer.WriteJsonAsync(ctx, 503, """{"code":503,"detail":"busy"}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<AyonException>(() => client.CreateProjectAsync(
            new AyonProjectCreate("demo", "dm", null, [], [], [], new Dictionary<string, string?>()), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PatchProjectLeavesOutUnsetMembersButKeepsNullAttribValues()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) => LoopbackServer.WriteJsonAsync(ctx, 204, ""));
        using var client = Client(server, new InstantDelayTimeProvider());

        await client.PatchProjectAsync(
            "demo",
            new AyonProjectPatch(TaskTypes: [new AyonTaskType("Comp", "cmp")], Attrib: new Dictionary<string, string?> { ["shotgridId"] = "70", ["old"] = null }),
            CancellationToken.None);

        var patch = Assert.Single(server.Requests);
        Assert.Equal("PATCH", patch.Method);
        Assert.Equal("""{"taskTypes":[{"name":"Comp","shortName":"cmp"}],"attrib":{"shotgridId":"70","old":null}}""", JsonNode.Parse(patch.Body)!.ToJsonString());
    }

    [Fact]
    public async Task ErrorsCarryAyonsDetailButNeverTheApiKey()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            LoopbackServer.WriteJsonAsync(ctx, 401, $$"""{"code":401,"detail":"Invalid API key {{ApiKey}}"}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<AyonException>(() => client.GetAttributesAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Contains("Invalid API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AttributesAreReadAndWrittenInAyonsShape()
    {
        const string attributes = """
            {"attributes": [
              {"name": "shotgridId", "position": 120, "scope": ["project", "folder", "task"], "builtin": false,
               "data": {"type": "string", "title": "ShotGrid ID", "description": "id", "inherit": false}},
              {"name": "fps", "position": 1, "scope": ["project"], "builtin": true, "data": {"type": "float", "title": "FPS"}}]}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            req.Method == "GET" ? LoopbackServer.WriteJsonAsync(ctx, 200, attributes) : LoopbackServer.WriteJsonAsync(ctx, 204, ""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var read = await client.GetAttributesAsync(CancellationToken.None);
        await client.PutAttributeAsync(new AyonAttribute("shotgridType", ["folder", "task"], "string", "ShotGrid Type", false, 121), CancellationToken.None);

        Assert.Equal(new AyonAttribute("shotgridId", read[0].Scope, "string", "ShotGrid ID", false, 120, "id"), read[0]);
        Assert.Equal(["project", "folder", "task"], read[0].Scope);
        Assert.True(read[1].Inherit);
        var put = server.Requests[1];
        Assert.Equal(("PUT", "/api/attributes/shotgridType"), (put.Method, put.Path));
        Assert.Equal(
            """{"position":121,"scope":["folder","task"],"data":{"type":"string","title":"ShotGrid Type","inherit":false}}""",
            JsonNode.Parse(put.Body)!.ToJsonString());
    }

    [Fact]
    public async Task SecretsAndAddonSettingsAreNullWhenAyonHasNone()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) => req.Path switch
        {
            "/api/secrets/sg_key" => LoopbackServer.WriteJsonAsync(ctx, 200, """{"name":"sg_key","value":"s3cr3t"}"""),
            "/api/addons/shotgrid/1.0.0/settings" => LoopbackServer.WriteJsonAsync(ctx, 200, """{"shotgrid_server":"https://x"}"""),
            _ => LoopbackServer.WriteJsonAsync(ctx, 404, """{"code":404,"detail":"not found"}"""),
        });
        using var client = Client(server, new InstantDelayTimeProvider());

        Assert.Equal("s3cr3t", await client.GetSecretAsync("sg_key", CancellationToken.None));
        Assert.Null(await client.GetSecretAsync("other", CancellationToken.None));
        var settings = await client.GetAddonSettingsAsync("shotgrid", "1.0.0", "staging", CancellationToken.None);
        Assert.Equal("https://x", settings!["shotgrid_server"]!.GetValue<string>());
        Assert.Equal("staging", server.RequestsTo("/api/addons/shotgrid/1.0.0/settings")[0].Query["variant"].ToString());
        Assert.Null(await client.GetAddonSettingsAsync("shotgrid", "9.9.9", "production", CancellationToken.None));
    }
}
