using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class ProjectTests
{
    [Fact]
    public async Task Deploy_without_anatomy_fills_builtin_anatomy_and_attrib_defaults()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, project) = await client.GetAsync("api/projects/DEMO");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("demo", project!["name"]!.GetValue<string>());
        Assert.Contains(project["folderTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Shot");
        Assert.Contains(project["taskTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Compositing");
        Assert.Equal(1001, project["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.Equal(["demo"], client.Emulator.Store.ProjectNames);
    }

    [Fact]
    public async Task Deploy_with_snake_case_anatomy_uses_it()
    {
        await using var client = await AyonTestClient.StartAsync();
        var (status, _) = await client.PostAsync("api/projects", new
        {
            name = "custom",
            code = "cu",
            anatomy = new
            {
                folder_types = new[] { new { name = "Zone" } },
                task_types = new[] { new { name = "Paint" } },
                statuses = new[] { new { name = "Todo" } },
            },
        });

        Assert.Equal(HttpStatusCode.Created, status);
        var project = client.Emulator.Store.GetProject("CUSTOM")!;
        Assert.Equal(["Zone"], project.FolderTypes);
        Assert.Equal(["Paint"], project.TaskTypes);
        Assert.Equal(["Todo"], project.Statuses);
    }

    [Theory]
    [InlineData("DEMO", "other")]
    [InlineData("another", "DM")]
    public async Task Duplicate_name_or_code_is_409_case_insensitive(string name, string code)
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, body) = await client.PostAsync("api/projects", new { name, code });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Project demo (dm) already exists", body!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("bad-name", "ok")]
    [InlineData("bad.name", "ok")]
    [InlineData("okname", "bad-code")]
    public async Task Invalid_project_name_or_code_fails_with_500_like_the_real_server(string name, string code)
    {
        await using var client = await AyonTestClient.StartAsync();

        var (status, _) = await client.PostAsync("api/projects", new { name, code });

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Empty(client.Emulator.Store.ProjectNames);
    }

    [Fact]
    public async Task Missing_project_is_404()
    {
        await using var client = await AyonTestClient.StartAsync();

        var (status, body) = await client.GetAsync("api/projects/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Project nope not found", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_replaces_lists_and_merges_attrib_with_null_deleting()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, _) = await client.PatchAsync("api/projects/demo", new JsonObject
        {
            ["folderTypes"] = new JsonArray(new JsonObject { ["name"] = "Shot" }, new JsonObject { ["name"] = "Asset" }),
            ["attrib"] = new JsonObject { ["fps"] = 24, ["frameStart"] = null },
            ["data"] = new JsonObject { ["k"] = "v" },
        });

        Assert.Equal(HttpStatusCode.NoContent, status);
        var (_, project) = await client.GetAsync("api/projects/demo");
        Assert.Equal(["Shot", "Asset"], project!["folderTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(24.0, project["attrib"]!["fps"]!.GetValue<double>());
        Assert.Null(project["attrib"]!["frameStart"]);
        Assert.Equal(1920, project["attrib"]!["resolutionWidth"]!.GetValue<int>());
        Assert.Equal("v", project["data"]!["k"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_and_delete()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("one", "o1");
        await client.DeployAsync("two", "o2");

        var (_, list) = await client.GetAsync("api/projects");
        var (deleted, _) = await client.SendAsync(HttpMethod.Delete, "api/projects/one");

        Assert.Equal(2, list!["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(["two"], client.Emulator.Store.ProjectNames);
    }
}
