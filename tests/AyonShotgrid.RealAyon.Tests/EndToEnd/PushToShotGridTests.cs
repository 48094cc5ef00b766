using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.RealAyon.Tests.Infrastructure;

namespace AyonShotgrid.RealAyon.Tests.EndToEnd;

/// <summary>The AYON → ShotGrid push reading the real server's event stream: what a person creates in real AYON reaches ShotGrid.</summary>
[Collection(RealAyonCollection.Name)]
public sealed class PushToShotGridTests(RealAyonServer server)
{
    [Fact]
    public async Task A_folder_a_task_and_a_version_created_in_real_AYON_reach_ShotGrid_linked_both_ways()
    {
        // The shared demo run first: it checks that Prepare finds a fresh server, which this test's Prepare would spoil.
        await server.DemoAsync();
        await using var deployment = await SyncDeployment.StartAsync("real-ayon-push", server.BaseUrl, server.ApiKey, push: true);
        var sg = deployment.Cluster.ShotGrid.Store;
        ShotGridSeeder.SeedSteps(sg);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var projectId = sg.CreateProject($"Push {suffix}", code: $"push{suffix}");
        sg.SetNavchains(projectId, new() { ["Shot"] = "sg_sequence", ["Sequence"] = "__flat__" });
        using var gateway = deployment.Gateway();
        var ayonName = (await gateway.PrepareAsync(projectId)).GetProperty("ayonProjectName").GetString()!;
        using (var settings = await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { pushToShotGrid = true }))
        {
            Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        }

        // Written straight to real AYON, without the cluster's sender: as a person in AYON's web UI would.
        var sequence = await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/folders", new JsonObject { ["name"] = "sq_push", ["folderType"] = "Sequence" });
        var shot = await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/folders", new JsonObject { ["name"] = "sh_push", ["label"] = "Shot Push", ["folderType"] = "Shot", ["parentId"] = sequence });
        var task = await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/tasks", new JsonObject { ["name"] = "anim", ["taskType"] = "Animation", ["folderId"] = shot });

        var sgTask = await Eventually.WaitAsync(
            () => Task.FromResult(sg.FindIds("Task", "sg_ayon_id", task)), ids => ids.Count == 1, $"AYON task {task} to reach ShotGrid", TimeSpan.FromSeconds(60));
        var sgShot = Assert.Single(sg.FindIds("Shot", "sg_ayon_id", shot));
        var sgSequence = Assert.Single(sg.FindIds("Sequence", "sg_ayon_id", sequence));
        Assert.Equal("Shot Push", sg.Get("Shot", sgShot)!["code"]);
        Assert.Equal(sgSequence, (sg.Get("Shot", sgShot)!["sg_sequence"] as EntityLink)?.Id);
        Assert.Equal(sgShot, (sg.Get("Task", sgTask[0])!["entity"] as EntityLink)?.Id);

        var linked = await Eventually.WaitAsync(
            async () => (await deployment.Ayon.GetAsync($"api/projects/{ayonName}/tasks/{task}")).Body!["attrib"]?["shotgridId"]?.GetValue<string>(),
            id => id is not null, $"real AYON task {task} to carry its ShotGrid id", TimeSpan.FromSeconds(30));
        Assert.Equal(sgTask[0].ToString(CultureInfo.InvariantCulture), linked);

        // A person tags the shot and assigns the task to an AYON user linked to a ShotGrid HumanUser (data.sg_user_id).
        var artist = ShotGridSeeder.AddHumanUser(sg, $"artist.{suffix}", "Push Artist");
        var user = $"artist{suffix}";
        var madeUser = await deployment.Ayon.PutAsync($"api/users/{user}", new JsonObject
        {
            ["attrib"] = new JsonObject { ["fullName"] = "Push Artist" }, ["data"] = new JsonObject { ["sg_user_id"] = artist },
        });
        Assert.True(madeUser.Status is HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK, $"create user: {madeUser}");
        Assert.Equal(HttpStatusCode.NoContent, (await deployment.Ayon.PatchAsync($"api/projects/{ayonName}/folders/{shot}", new JsonObject { ["tags"] = new JsonArray("hero") })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await deployment.Ayon.PatchAsync($"api/projects/{ayonName}/tasks/{task}", new JsonObject { ["assignees"] = new JsonArray(user) })).Status);
        var shotTags = await Eventually.WaitAsync(
            () => Task.FromResult(sg.Get("Shot", sgShot)!.GetValueOrDefault("tags") as List<EntityLink> ?? []), t => t.Count > 0, "the shot's tag to reach ShotGrid", TimeSpan.FromSeconds(30));
        Assert.Equal("hero", sg.Get("Tag", Assert.Single(shotTags).Id)!["name"]);
        var assignees = await Eventually.WaitAsync(
            () => Task.FromResult(sg.Get("Task", sgTask[0])!.GetValueOrDefault("task_assignees") as List<EntityLink> ?? []), a => a.Count > 0, "the task's assignee to reach ShotGrid", TimeSpan.FromSeconds(30));
        Assert.Equal(artist, Assert.Single(assignees).Id);

        // A publish on that task: product, version and a representation in one operations call.
        var (product, version, representation) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var published = await deployment.Ayon.PostAsync($"api/projects/{ayonName}/operations", JsonNode.Parse($$$$"""
            {"operations":[
              {"type":"create","entityType":"product","entityId":"{{{{product}}}}","data":{"name":"renderMain","productType":"render","folderId":"{{{{shot}}}}"}},
              {"type":"create","entityType":"version","entityId":"{{{{version}}}}","data":{"version":1,"productId":"{{{{product}}}}","taskId":"{{{{task}}}}","attrib":{"comment":"from real AYON","frameStart":1001,"frameEnd":1010}}},
              {"type":"create","entityType":"representation","entityId":"{{{{representation}}}}","data":{"name":"exr","versionId":"{{{{version}}}}","files":[{"id":"{{{{product}}}}","path":"/proj/sh_push/render.%04d.exr"}]}}]}
            """)!);
        Assert.True(published.Body!["success"]!.GetValue<bool>(), published.ToString());
        var sgVersion = Assert.Single(await Eventually.WaitAsync(
            () => Task.FromResult(sg.FindIds("Version", "sg_ayon_id", version)), ids => ids.Count > 0, $"AYON version {version} to reach ShotGrid", TimeSpan.FromSeconds(60)));
        var fields = sg.Get("Version", sgVersion)!;
        Assert.Equal(("renderMain_v001", "from real AYON"), (fields["code"], fields["description"]));
        Assert.Equal((sgShot, sgTask[0]), ((fields["entity"] as EntityLink)?.Id, (fields["sg_task"] as EntityLink)?.Id));
        var file = await Eventually.WaitAsync(
            () => Task.FromResult(sg.FindIds("PublishedFile", "sg_ayon_id", representation)), ids => ids.Count == 1, "its PublishedFile", TimeSpan.FromSeconds(30));
        Assert.Equal(sgVersion, (sg.Get("PublishedFile", file[0])!["version"] as EntityLink)?.Id);
        var versionLink = await Eventually.WaitAsync(
            async () => (await deployment.Ayon.GetAsync($"api/projects/{ayonName}/versions/{version}")).Body!["attrib"]?["shotgridId"]?.GetValue<string>(),
            id => id is not null, $"real AYON version {version} to carry its ShotGrid id", TimeSpan.FromSeconds(30));
        Assert.Equal(sgVersion.ToString(CultureInfo.InvariantCulture), versionLink);
    }
}
