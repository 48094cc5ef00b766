using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class GraphQlTests
{
    private const string FoldersQuery = """
        query Folders($projectName: String!, $after: String, $first: Int) {
          project(name: $projectName) {
            folders(first: $first, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label folderType parentId path status active ownAttrib allAttrib data createdAt updatedAt } }
            }
          }
        }
        """;

    [Fact]
    public async Task Folders_page_through_with_cursors_and_default_page_is_100()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var ops = Enumerable.Range(0, 250).Select(i => new
        {
            type = "create", entityType = "folder", data = new { name = $"sh{i:D4}" },
        });
        await client.PostAsync("api/projects/demo/operations", new { operations = ops });

        var names = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var result = await client.GraphQlAsync(FoldersQuery, new { projectName = "demo", after, first = 100 });
            var folders = result["data"]!["project"]!["folders"]!;
            names.AddRange(folders["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()));
            after = folders["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? folders["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            pages++;
        }
        while (after is not null);

        var defaultPage = await client.GraphQlAsync("{ project(name: \"demo\") { folders { edges { node { id } } } } }");

        Assert.Equal(3, pages);
        Assert.Equal(250, names.Distinct().Count());
        Assert.Equal("sh0000", names[0]);
        Assert.Equal(100, defaultPage["data"]!["project"]!["folders"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task AllAttrib_is_a_json_string_without_unset_attributes_and_data_null_when_empty()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        await client.CreateFolderAsync("demo", new { name = "sh010", attrib = new { frameStart = 1100 } });
        await client.CreateFolderAsync("demo", new { name = "sh020", data = new { k = "v" } });

        var result = await client.GraphQlAsync(FoldersQuery, new { projectName = "demo" });

        var nodes = result["data"]!["project"]!["folders"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        var allAttrib = nodes[0]["allAttrib"]!.GetValue<string>();
        var parsed = JsonNode.Parse(allAttrib)!;
        Assert.Equal(1100, parsed["frameStart"]!.GetValue<int>());
        Assert.Equal(25.0, parsed["fps"]!.GetValue<double>());
        Assert.Contains("\"fps\":25.0", allAttrib);
        Assert.False(parsed.AsObject().ContainsKey("startDate"));
        Assert.Equal(["frameStart"], nodes[0]["ownAttrib"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(nodes[0]["data"]);
        Assert.Equal("v", JsonNode.Parse(nodes[1]["data"]!.GetValue<string>())!["k"]!.GetValue<string>());
        Assert.Equal("/sh010", nodes[0]["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_project_nulls_data_with_an_error()
    {
        await using var client = await AyonTestClient.StartAsync();

        var result = await client.GraphQlAsync("{ project(name: \"missing\") { name } }");

        Assert.Null(result["data"]);
        Assert.Equal("Project not found", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_field_is_a_validation_error()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var result = await client.GraphQlAsync("{ project(name: \"demo\") { folders { edges { node { attrib { shotgridId } } } } } }");

        Assert.NotEmpty(result["errors"]!.AsArray());
        Assert.Null(result["data"]);
    }

    [Fact]
    public async Task Tasks_filter_by_folder_ids_and_names_case_sensitively()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var a = await client.CreateFolderAsync("demo", new { name = "a" });
        var b = await client.CreateFolderAsync("demo", new { name = "b" });
        await client.PostAsync("api/projects/demo/tasks", new { name = "Comp", taskType = "Compositing", folderId = a, assignees = new[] { "bob" } });
        await client.PostAsync("api/projects/demo/tasks", new { name = "comp", taskType = "Compositing", folderId = b });

        var byFolder = await client.GraphQlAsync(
            "query($ids:[String!]){ project(name:\"demo\"){ tasks(folderIds:$ids){ edges{ node{ id name taskType folderId assignees allAttrib } } } } }",
            new { ids = new[] { a } });
        var byName = await client.GraphQlAsync("{ project(name:\"demo\"){ tasks(names:[\"comp\"]){ edges{ node{ folderId } } } } }");

        var task = byFolder["data"]!["project"]!["tasks"]!["edges"]!.AsArray().Single()!["node"]!;
        Assert.Equal("Comp", task["name"]!.GetValue<string>());
        Assert.Equal(["bob"], task["assignees"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(b, byName["data"]!["project"]!["tasks"]!["edges"]!.AsArray().Single()!["node"]!["folderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_last_returns_newest_first_with_string_summary()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.PostAsync("api/events", new { topic = "shotgrid.event", summary = new { sg_event_id = 1 } });
        await client.PostAsync("api/events", new { topic = "shotgrid.event", summary = new { sg_event_id = 2 } });
        await client.PostAsync("api/events", new { topic = "other.topic" });

        var result = await client.GraphQlAsync("{ events(topics:[\"shotgrid.*\"], last: 20) { edges { node { topic summary } } } }");

        var summaries = result["data"]!["events"]!["edges"]!.AsArray()
            .Select(e => JsonNode.Parse(e!["node"]!["summary"]!.GetValue<string>())!["sg_event_id"]!.GetValue<int>());
        Assert.Equal([2, 1], summaries);
    }

    [Fact]
    public async Task Typed_attrib_knows_builtins_and_new_attributes_only_after_restart()
    {
        await using var client = await AyonTestClient.StartAsync(new AyonEmulatorOptions { RequireRestartForAttributes = true });
        await client.DeployAsync("demo", "dm");
        await client.PutAsync("api/attributes/shotgridId", new { scope = new[] { "folder", "task" }, data = new { type = "string", inherit = false } });
        const string typed = "{ project(name:\"demo\"){ folders{ edges{ node{ attrib{ frameStart fps shotgridId } } } } } }";

        var before = await client.GraphQlAsync(typed);
        await client.PostAsync("api/system/restart", new { });
        await client.CreateFolderAsync("demo", new { name = "sh010", attrib = new { shotgridId = "77" } });
        var after = await client.GraphQlAsync(typed);

        Assert.Contains("shotgridId", before["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Contains("FolderAttribType", before["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(after["errors"]);
        var attrib = after["data"]!["project"]!["folders"]!["edges"]![0]!["node"]!["attrib"]!;
        Assert.Equal("77", attrib["shotgridId"]!.GetValue<string>());
        Assert.Equal(1001, attrib["frameStart"]!.GetValue<int>());
        Assert.Equal(25.0, attrib["fps"]!.GetValue<double>());
    }
}
