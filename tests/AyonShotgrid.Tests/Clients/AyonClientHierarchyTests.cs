using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using static AyonShotgrid.Tests.Clients.AyonTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class AyonClientHierarchyTests
{
    private static string FolderPage(bool hasNext, string? endCursor, params (string Id, string Name, string? AllAttrib)[] folders) =>
        JsonSerializer.Serialize(new
        {
            data = new
            {
                project = new
                {
                    folders = new
                    {
                        pageInfo = new { hasNextPage = hasNext, endCursor },
                        edges = folders.Select(f => new
                        {
                            node = new { id = f.Id, name = f.Name, label = (string?)null, folderType = "Shot", parentId = "p1", status = "Not ready", active = true, allAttrib = f.AllAttrib },
                        }),
                    },
                },
            },
        });

    [Fact]
    public async Task GetFoldersFollowsTheCursorAndReadsAllAttribAsStrings()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
        {
            var after = JsonNode.Parse(req.Body)!["variables"]!["after"];
            return LoopbackServer.WriteJsonAsync(ctx, 200, after is null
                ? FolderPage(true, "c1", ("f1", "sh010", """{"shotgridId":"1001","shotgridType":"Shot","fps":24.0,"frameStart":1001,"isHero":true,"tags":["a"],"none":null}"""))
                : FolderPage(false, "c2", ("f2", "sh020", null)));
        });
        using var client = Client(server, new InstantDelayTimeProvider());

        var folders = await client.GetFoldersAsync("demo", CancellationToken.None);

        Assert.Equal(["f1", "f2"], folders.Select(f => f.Id));
        var first = folders[0];
        Assert.Equal(("sh010", "Shot", "p1", "Not ready", true), (first.Name, first.FolderType, first.ParentId, first.Status, first.Active));
        Assert.Equal("1001", first.Attrib["shotgridId"]);
        Assert.Equal("Shot", first.Attrib["shotgridType"]);
        Assert.Equal("24.0", first.Attrib["fps"]);
        Assert.Equal("1001", first.Attrib["frameStart"]);
        Assert.Equal("true", first.Attrib["isHero"]);
        Assert.Equal("""["a"]""", first.Attrib["tags"]);
        Assert.Null(first.Attrib["none"]);
        Assert.Empty(folders[1].Attrib);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(("POST", "/graphql"), (r.Method, r.Path)));
        var second = JsonNode.Parse(server.Requests[1].Body)!;
        Assert.Equal("demo", second["variables"]!["projectName"]!.GetValue<string>());
        Assert.Equal("c1", second["variables"]!["after"]!.GetValue<string>());
        Assert.Contains("folders(first: 2000, after: $after)", second["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("allAttrib", second["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTasksReadsTaskNodes()
    {
        const string page = """
            {"data": {"project": {"tasks": {"pageInfo": {"hasNextPage": false, "endCursor": null}, "edges": [
              {"node": {"id": "t1", "name": "anim", "label": "Animation", "taskType": "Animation", "folderId": "f1", "status": "In progress",
                        "active": false, "allAttrib": "{\"shotgridId\":\"55\"}"}}]}}}}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, req) => LoopbackServer.WriteJsonAsync(ctx, 200, page));
        using var client = Client(server, new InstantDelayTimeProvider());

        var task = Assert.Single(await client.GetTasksAsync("demo", CancellationToken.None));

        Assert.Equal(
            new AyonTask("t1", "anim", "Animation", "Animation", "f1", "In progress", false, task.Attrib),
            task);
        Assert.Equal("55", task.Attrib["shotgridId"]);
        Assert.Contains("tasks(first: 2000", JsonNode.Parse(server.Requests[0].Body)!["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQlErrorsInAnHttp200AnswerAreThrown()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) => LoopbackServer.WriteJsonAsync(ctx, 200,
            """{"data": null, "errors": [{"message": "Project not found", "locations": [], "path": ["project"], "extensions": {"status": 404}}]}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<AyonException>(() => client.GetFoldersAsync("missing", CancellationToken.None));

        Assert.Contains("Project not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Single(server.Requests);
    }
}
