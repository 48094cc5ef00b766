using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class FolderRuleTests
{
    [Theory]
    [InlineData("sh 010")]
    [InlineData("-sh010")]
    [InlineData("sh010.")]
    [InlineData("")]
    public async Task Names_outside_the_name_regex_are_400(string name)
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, body) = await client.PostAsync("api/projects/demo/folders", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Request validation error", body!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sh.010-a")]
    [InlineData("_x")]
    [InlineData("A")]
    public async Task Names_inside_the_regex_are_accepted(string name)
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, _) = await client.PostAsync("api/projects/demo/folders", new { name });

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Theory]
    [InlineData("Bob's shot")]
    [InlineData("a;b")]
    public async Task Labels_with_quote_or_semicolon_are_400(string label)
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, _) = await client.PostAsync("api/projects/demo/folders", new { name = "sh010", label });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(client.Emulator.Store.Folders("demo"));
    }

    [Fact]
    public async Task Sibling_names_are_unique_case_insensitively()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var parent = await client.CreateFolderAsync("demo", new { name = "seq01", folderType = "Sequence" });
        await client.CreateFolderAsync("demo", new { name = "sh010", folderType = "Shot", parentId = parent });

        var (status, body) = await client.PostAsync("api/projects/demo/folders", new { name = "SH010", folderType = "Shot", parent_id = parent });
        var (elsewhere, _) = await client.PostAsync("api/projects/demo/folders", new { name = "SH010", folderType = "Shot" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal($"Folder with parent_id, lower(name::text) '{Guid.ParseExact(parent, "N"):D}, sh010' already exists.",
            body!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, elsewhere);
    }

    [Fact]
    public async Task Inactive_sibling_does_not_count_but_reactivating_it_conflicts()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var old = await client.CreateFolderAsync("demo", new { name = "sh010" });
        await client.PatchAsync($"api/projects/demo/folders/{old}", new { active = false });

        var (created, _) = await client.PostAsync("api/projects/demo/folders", new { name = "sh010" });
        var (reactivated, _) = await client.PatchAsync($"api/projects/demo/folders/{old}", new { active = true });

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.Conflict, reactivated);
    }

    [Theory]
    [InlineData("folderType", "Nope")]
    [InlineData("status", "Nope")]
    [InlineData("parentId", "0123456789abcdef0123456789abcdef")]
    public async Task Unknown_type_status_or_parent_is_409(string field, string value)
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, _) = await client.PostAsync("api/projects/demo/folders",
            new Dictionary<string, string> { ["name"] = "sh010", [field] = value });

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task Client_chosen_id_path_and_defaults()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var id = Guid.NewGuid().ToString("N");
        var parent = await client.CreateFolderAsync("demo", new { name = "seq01", folderType = "Sequence" });

        var created = await client.CreateFolderAsync("demo", new { id, name = "sh010", parentId = parent });
        var (_, list) = await client.GetAsync("api/projects/demo/folders");
        var (_, folder) = await client.GetAsync($"api/projects/demo/folders/{id}");

        Assert.Equal(id, created);
        Assert.Contains(list!["folders"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "seq01/sh010");
        Assert.Equal("/seq01/sh010", folder!["path"]!.GetValue<string>());
        Assert.Equal("Folder", folder["folderType"]!.GetValue<string>());
        Assert.Equal("Not ready", folder["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Task_rules_and_folder_delete_cascades()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var folder = await client.CreateFolderAsync("demo", new { name = "sh010" });

        var (created, task) = await client.PostAsync("api/projects/demo/tasks", new { name = "comp", taskType = "Compositing", folderId = folder });
        var (duplicate, _) = await client.PostAsync("api/projects/demo/tasks", new { name = "COMP", taskType = "Compositing", folderId = folder });
        var (noType, _) = await client.PostAsync("api/projects/demo/tasks", new { name = "x", folderId = folder });
        var (badType, _) = await client.PostAsync("api/projects/demo/tasks", new { name = "x", taskType = "Nope", folderId = folder });
        var (deleted, _) = await client.SendAsync(HttpMethod.Delete, $"api/projects/demo/folders/{folder}");
        var (gone, body) = await client.GetAsync($"api/projects/demo/tasks/{task!["id"]}");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, noType);
        Assert.Equal(HttpStatusCode.Conflict, badType);
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal($"Entity {task["id"]} not found", body!["detail"]!.GetValue<string>());
        Assert.Empty(client.Emulator.Store.Tasks("demo"));
    }

    [Fact]
    public async Task Patch_merges_attrib_one_level_and_moving_under_descendant_is_400()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var parent = await client.CreateFolderAsync("demo", new { name = "a", attrib = new { fps = 24, frameStart = 1 } });
        var child = await client.CreateFolderAsync("demo", new { name = "b", parentId = parent });

        var (patched, _) = await client.PatchAsync($"api/projects/demo/folders/{parent}",
            new System.Text.Json.Nodes.JsonObject { ["attrib"] = new System.Text.Json.Nodes.JsonObject { ["fps"] = null, ["frameEnd"] = 9 } });
        var (cycle, _) = await client.PatchAsync($"api/projects/demo/folders/{parent}", new { parentId = child });
        var (_, childJson) = await client.GetAsync($"api/projects/demo/folders/{child}");

        Assert.Equal(HttpStatusCode.NoContent, patched);
        Assert.Equal(HttpStatusCode.BadRequest, cycle);
        var own = client.Emulator.Store.Folders("demo").Single(f => f.Id == parent).Attrib;
        Assert.Equal(new Dictionary<string, object?> { ["frameStart"] = 1L, ["frameEnd"] = 9L }, own);
        Assert.Equal(9, childJson!["attrib"]!["frameEnd"]!.GetValue<int>());
        Assert.Equal(25.0, childJson["attrib"]!["fps"]!.GetValue<double>());
    }

    [Fact]
    public async Task Flat_list_includes_inactive_folders_and_attrib_only_on_request()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var id = await client.CreateFolderAsync("demo", new { name = "old" });
        await client.PatchAsync($"api/projects/demo/folders/{id}", new { active = false });

        var (_, plain) = await client.GetAsync("api/projects/demo/folders");
        var (_, withAttrib) = await client.GetAsync("api/projects/demo/folders?attrib=true");

        var item = plain!["folders"]!.AsArray().Single()!;
        Assert.Equal("old", item["name"]!.GetValue<string>());
        Assert.False(item.AsObject().ContainsKey("attrib"));
        Assert.Equal(1001, withAttrib!["folders"]![0]!["attrib"]!["frameStart"]!.GetValue<int>());
    }
}
