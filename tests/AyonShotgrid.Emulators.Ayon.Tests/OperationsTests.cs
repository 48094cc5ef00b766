using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class OperationsTests
{
    private static object Create(string type, object data, string? entityId = null) =>
        new { type = "create", entityType = type, entityId, data };

    [Fact]
    public async Task All_or_nothing_stops_at_first_failure_truncates_and_rolls_back()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var folderId = Guid.NewGuid().ToString("N");
        var eventsBefore = client.Emulator.Store.Events.Count;

        var (status, body) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new[]
            {
                Create("folder", new { name = "sh010" }, folderId),
                Create("task", new { name = "comp", taskType = "Compositing", folderId }),
                Create("folder", new { name = "SH010" }),
                Create("folder", new { name = "sh030" }),
            },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body!["success"]!.GetValue<bool>());
        var ops = body["operations"]!.AsArray();
        Assert.Equal(3, ops.Count);
        Assert.True(ops[0]!["success"]!.GetValue<bool>());
        Assert.Equal(201, ops[0]!["status"]!.GetValue<int>());
        Assert.True(ops[1]!["success"]!.GetValue<bool>());
        Assert.False(ops[2]!["success"]!.GetValue<bool>());
        Assert.Equal(409, ops[2]!["status"]!.GetValue<int>());
        Assert.Equal("unique-violation", ops[2]!["errorCode"]!.GetValue<string>());
        Assert.Empty(client.Emulator.Store.Folders("demo"));
        Assert.Empty(client.Emulator.Store.Tasks("demo"));
        Assert.Equal(eventsBefore, client.Emulator.Store.Events.Count);
    }

    [Fact]
    public async Task Rolled_back_update_restores_the_previous_values()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var id = await client.CreateFolderAsync("demo", new { name = "sh010", label = "before" });

        await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[]
            {
                new { type = "update", entityType = "folder", entityId = id, data = new { label = "after", status = "Approved" } },
                new { type = "delete", entityType = "folder", entityId = Guid.NewGuid().ToString("N") },
            },
        });

        var folder = client.Emulator.Store.Folders("demo").Single();
        Assert.Equal("before", folder.Label);
        Assert.Equal("Not ready", folder.Status);
    }

    [Fact]
    public async Task Can_fail_runs_every_op_and_commits_the_good_ones()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        var (status, body) = await client.PostAsync("api/projects/demo/operations", new
        {
            canFail = true,
            operations = new[]
            {
                Create("folder", new { name = "sh010" }),
                Create("folder", new { name = "bad name" }),
                Create("folder", new { name = "sh020", folderType = "Nope" }),
                Create("folder", new { name = "sh030" }),
            },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var ops = body!["operations"]!.AsArray();
        Assert.Equal(4, ops.Count);
        Assert.Equal([true, false, false, true], ops.Select(o => o!["success"]!.GetValue<bool>()));
        Assert.Equal("invalid_data", ops[1]!["errorCode"]!.GetValue<string>());
        Assert.Equal(400, ops[1]!["status"]!.GetValue<int>());
        Assert.Equal("foreign-key-violation", ops[2]!["errorCode"]!.GetValue<string>());
        Assert.Equal(["sh010", "sh030"], client.Emulator.Store.Folders("demo").Select(f => f.Name));
        Assert.False(body["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Update_and_delete_report_204_and_children_may_reference_parents_in_the_same_batch()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var existing = await client.CreateFolderAsync("demo", new { name = "old" });
        var doomed = await client.CreateFolderAsync("demo", new { name = "doomed" });
        var parent = Guid.NewGuid().ToString("N");

        var (_, body) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[]
            {
                Create("folder", new { name = "seq01", folderType = "Sequence" }, parent),
                Create("folder", new { name = "sh010", folderType = "Shot", parentId = parent }),
                new { type = "update", entityType = "folder", entityId = existing, data = new { label = "Old one" } },
                new { type = "delete", entityType = "folder", entityId = doomed },
            },
        });

        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal([201, 201, 204, 204], body["operations"]!.AsArray().Select(o => o!["status"]!.GetValue<int>()));
        Assert.Equal(["old", "seq01", "seq01/sh010"], client.Emulator.Store.Folders("demo").Select(f => f.Path));
    }

    [Fact]
    public async Task Duplicate_update_of_one_entity_is_rejected_before_running()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var id = await client.CreateFolderAsync("demo", new { name = "sh010" });

        var (status, _) = await client.PostAsync("api/projects/demo/operations", new
        {
            canFail = true,
            operations = new object[]
            {
                new { type = "update", entityType = "folder", entityId = id, data = new { label = "a" } },
                new { type = "delete", entityType = "folder", entityId = id },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(client.Emulator.Store.Folders("demo").Single().Label);
    }

    [Fact]
    public async Task Sender_headers_are_stamped_on_emitted_events()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/projects/demo/operations")
        {
            Content = new StringContent(
                new JsonObject
                {
                    ["operations"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "create", ["entityType"] = "folder", ["data"] = new JsonObject { ["name"] = "sh010" },
                    }),
                }.ToJsonString(),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-sender", "sync-1");
        request.Headers.Add("x-sender-type", "shotgrid");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = client.Emulator.Store.Events.Single(e => e.Topic == "entity.folder.created");
        Assert.Equal("sync-1", created.Sender);
        Assert.Equal("shotgrid", created.SenderType);
        Assert.Equal("demo", created.Project);
    }
}
