using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class AttributeTests
{
    private static readonly object ShotgridId = new
    {
        position = 100,
        scope = new[] { "project", "folder", "task" },
        data = new { type = "string", title = "Shotgrid ID", inherit = false },
    };

    [Fact]
    public async Task Builtins_are_listed_with_their_shape()
    {
        await using var client = await AyonTestClient.StartAsync();

        var (status, body) = await client.GetAsync("api/attributes");

        Assert.Equal(HttpStatusCode.OK, status);
        var fps = body!["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "fps")!;
        Assert.True(fps["builtin"]!.GetValue<bool>());
        Assert.Equal("float", fps["data"]!["type"]!.GetValue<string>());
        Assert.Contains("priority", client.Emulator.Store.AttributeNames);
    }

    [Fact]
    public async Task Without_restart_mode_a_new_attribute_is_stored_at_once()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (put, _) = await client.PutAsync("api/attributes/shotgridId", ShotgridId);
        var id = await client.CreateFolderAsync("demo", new { name = "sh010", attrib = new { shotgridId = "1234" } });

        Assert.Equal(HttpStatusCode.NoContent, put);
        var folder = client.Emulator.Store.Folders("demo").Single(f => f.Id == id);
        Assert.Equal("1234", folder.Attrib["shotgridId"]);
    }

    [Fact]
    public async Task Restart_mode_drops_new_attribute_values_until_restart()
    {
        await using var client = await AyonTestClient.StartAsync(new AyonEmulatorOptions { RequireRestartForAttributes = true });
        await client.DeployAsync("demo", "dm");
        await client.PutAsync("api/attributes/shotgridId", ShotgridId);

        var before = await client.CreateFolderAsync("demo", new { name = "sh010", attrib = new { shotgridId = "1", fps = 24 } });
        var (_, required) = await client.GetAsync("api/system/restartRequired");
        var (restart, _) = await client.PostAsync("api/system/restart", new { });
        var after = await client.CreateFolderAsync("demo", new { name = "sh020", attrib = new { shotgridId = "2" } });

        var folders = client.Emulator.Store.Folders("demo");
        Assert.False(folders.Single(f => f.Id == before).Attrib.ContainsKey("shotgridId"));
        Assert.Equal(24.0, folders.Single(f => f.Id == before).Attrib["fps"]);
        Assert.Equal("2", folders.Single(f => f.Id == after).Attrib["shotgridId"]);
        Assert.Equal(HttpStatusCode.NoContent, restart);
        Assert.Equal(1, client.Emulator.Store.RestartCount);
        Assert.Contains("shotgridId", client.Emulator.Store.AttributeNames);
        // Asked at once: the real server ignores restart requests younger than two seconds.
        Assert.False(required!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Restart_required_turns_true_after_the_grace_period()
    {
        await using var client = await AyonTestClient.StartAsync(new AyonEmulatorOptions { RequireRestartForAttributes = true });
        await client.PutAsync("api/attributes/shotgridType", ShotgridId);

        var deadline = Stopwatch.StartNew();
        JsonNode? answer = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            (_, answer) = await client.GetAsync("api/system/restartRequired");
            if (answer!["required"]!.GetValue<bool>())
            {
                break;
            }
        }

        Assert.True(answer!["required"]!.GetValue<bool>());
        Assert.True(deadline.Elapsed >= TimeSpan.FromSeconds(1.5));
        var (_, infoBefore) = await client.GetAsync("api/info");
        await client.PostAsync("api/system/restart", new { });
        var (_, infoAfter) = await client.GetAsync("api/info");
        // Clients detect the new worker by its uptime starting again.
        Assert.True(infoAfter!["uptime"]!.GetValue<double>() < infoBefore!["uptime"]!.GetValue<double>());
        var (_, cleared) = await client.GetAsync("api/system/restartRequired");
        Assert.False(cleared!["required"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("sg_id")]
    [InlineData("x")]
    public async Task Invalid_attribute_name_is_400(string name)
    {
        await using var client = await AyonTestClient.StartAsync();

        var (status, body) = await client.PutAsync($"api/attributes/{name}", ShotgridId);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Attrib_with_wrong_scope_is_dropped()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        // fullName is a user attribute, not a folder one.
        var id = await client.CreateFolderAsync("demo", new { name = "a", attrib = new { fullName = "x", frameStart = 7 } });

        var (_, folder) = await client.GetAsync($"api/projects/demo/folders/{id}");
        Assert.Null(folder!["attrib"]!["fullName"]);
        Assert.Equal(7, folder["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.Equal(["frameStart"], folder["ownAttrib"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Restart_stall_holds_requests_unanswered_for_a_while()
    {
        await using var client = await AyonTestClient.StartAsync(new AyonEmulatorOptions { RestartStall = TimeSpan.FromSeconds(2) });
        using var impatient = new HttpClient { BaseAddress = client.Emulator.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };

        var (restart, _) = await client.PostAsync("api/system/restart", new { });
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("api/info"));
        var (later, _) = await client.GetAsync("api/info");

        Assert.Equal(HttpStatusCode.NoContent, restart);
        Assert.Equal(HttpStatusCode.OK, later);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1));
    }
}
