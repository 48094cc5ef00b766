using System.Globalization;
using AyonShotgrid.Conformance;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.RealAyon.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.RealAyon.Tests.EndToEnd;

/// <summary>Prepare Project and the full create-only sync of the demo's sample project, on the real AYON server.</summary>
[Collection(RealAyonCollection.Name)]
public sealed class PrepareAndSyncTests(RealAyonServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task Prepare_creates_the_attributes_restarts_AYON_and_waits_it_out()
    {
        var (deployment, run) = await server.DemoAsync();

        var attributes = (await deployment.Ayon.GetAsync("api/attributes")).Body!["attributes"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToList();
        var project = (await deployment.Ayon.GetAsync($"api/projects/{run.AyonProject}")).Body!;
        var changes = run.Prepare.GetProperty("changes").EnumerateArray().Select(c => c.GetString()!).ToList();

        Assert.False(run.AttributesBefore.Contains("shotgridId"), "the server already had shotgridId: these tests need a fresh server (scripts/test-real-ayon.sh)");
        Assert.Contains("shotgridId", attributes);
        Assert.Contains("shotgridType", attributes);
        Assert.Contains(changes, c => c.StartsWith("added attributes", StringComparison.Ordinal) && c.Contains("shotgridId", StringComparison.Ordinal));
        Assert.Contains("restarted AYON so the new attributes take effect", changes);
        // Written after the restart: the project's own link only sticks if the new attribute is active.
        Assert.Equal(run.Seeded.ProjectId.ToString(CultureInfo.InvariantCulture), project["attrib"]!["shotgridId"]!.GetValue<string>());
        var folderTypes = project["folderTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "Episode", "Sequence", "Shot", "Asset", "AssetCategory" }, folderTypes.ToHashSet());
        var taskTypes = project["taskTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToHashSet();
        var steps = ShotGridSeeder.SeedSteps(deployment.Cluster.ShotGrid.Store).Keys;
        Assert.Superset(steps.ToHashSet(), taskTypes);
    }

    [Fact]
    public async Task A_full_sync_creates_every_entity_with_type_parent_name_label_and_ShotGrid_link()
    {
        var (deployment, run) = await server.DemoAsync();
        var sg = deployment.Cluster.ShotGrid.Store;
        var seeded = run.Seeded;

        var folders = await AyonReadBack.FoldersAsync(deployment.Ayon, run.AyonProject);
        var tasks = await AyonReadBack.TasksAsync(deployment.Ayon, run.AyonProject);

        var assetTypes = seeded.AssetIds.Select(id => Text(sg, "Asset", id, "sg_asset_type")).Distinct().ToList();
        var expected = seeded.EpisodeIds.Count + seeded.SequenceIds.Count + seeded.ShotIds.Count + seeded.AssetIds.Count + seeded.TaskIds.Count + assetTypes.Count;
        Assert.True(run.FirstSync.GetProperty("state").GetString() == "succeeded", $"{run.FirstSync}");
        Assert.Equal((expected, expected, 0), (run.FirstSync.Count("created"), run.FirstSync.Count("total"), run.FirstSync.Count("failed")));
        Assert.Equal(expected - seeded.TaskIds.Count, folders.Count);
        Assert.Equal(seeded.TaskIds.Count, tasks.Count);

        foreach (var id in seeded.EpisodeIds)
        {
            Assert.Null(AssertFolder(sg, folders, "Episode", id).ParentId);
        }

        foreach (var id in seeded.SequenceIds)
        {
            var episode = Link(sg, "Sequence", id, "episode");
            Assert.Equal(folders.Linked("Episode", episode.Id).Id, AssertFolder(sg, folders, "Sequence", id).ParentId);
        }

        foreach (var id in seeded.ShotIds)
        {
            var sequence = Link(sg, "Shot", id, "sg_sequence");
            Assert.Equal(folders.Linked("Sequence", sequence.Id).Id, AssertFolder(sg, folders, "Shot", id).ParentId);
        }

        foreach (var id in seeded.AssetIds)
        {
            var category = folders.Single(f => f.Id == AssertFolder(sg, folders, "Asset", id).ParentId);
            var assetType = Text(sg, "Asset", id, "sg_asset_type");
            Assert.Equal(("AssetCategory", AyonNames.CategoryName(assetType), assetType, null),
                (category.Type, category.Name, category.Label, category.ParentId));
        }

        foreach (var id in seeded.TaskIds)
        {
            var task = tasks.Linked("Task", id);
            var content = Text(sg, "Task", id, "content");
            var entity = Link(sg, "Task", id, "entity");
            var step = sg.Get("Task", id)!.TryGetValue("step", out var s) ? s as EntityLink : null;
            Assert.Equal((AyonNames.Slugify(content), content), (task.Name, task.Label));
            Assert.Equal(folders.Linked(entity.Type, entity.Id).Id, task.ParentId);
            Assert.Equal(step is null ? "Generic" : Text(sg, "Step", step.Id, "code"), task.Type);
        }
    }

    [Fact]
    public async Task A_second_sync_creates_nothing()
    {
        var (deployment, run) = await server.DemoAsync();
        var folders = (await AyonReadBack.FoldersAsync(deployment.Ayon, run.AyonProject)).Count;
        var tasks = (await AyonReadBack.TasksAsync(deployment.Ayon, run.AyonProject)).Count;
        using var gateway = deployment.Gateway();

        var second = await gateway.SyncAsync(run.Seeded.ProjectId);

        Assert.True(second.GetProperty("state").GetString() == "succeeded", $"{second}");
        Assert.Equal(0, second.Count("created"));
        Assert.Equal(run.FirstSync.Count("total"), second.Count("alreadyPresent"));
        Assert.Equal(folders, (await AyonReadBack.FoldersAsync(deployment.Ayon, run.AyonProject)).Count);
        Assert.Equal(tasks, (await AyonReadBack.TasksAsync(deployment.Ayon, run.AyonProject)).Count);
    }

    [Fact]
    public async Task The_full_sync_makes_the_same_requests_on_the_real_server_as_on_the_emulator()
    {
        var (_, real) = await server.DemoAsync();
        // The emulator as the real server behaves: attributes take effect only after a restart.
        await using var emulator = await AyonEmulator.StartAsync(new AyonEmulatorOptions { RequireRestartForAttributes = true });
        // The real server's users as its start script makes them: the full sync reads each user's ShotGrid link (comment authors).
        emulator.Store.AddUser("admin", "admin");
        await using var onEmulator = await SyncDeployment.StartAsync("real-ayon-e2e-emulator", emulator.BaseUrl, emulator.ApiKey);
        var requestsBefore = emulator.RequestCount;

        var emulated = await DemoRun.RunAsync(onEmulator);

        var shapes = real.FirstSyncRequests.Keys.Union(emulated.FirstSyncRequests.Keys).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"AYON requests of the full sync of '{real.AyonProject}' ({real.FirstSync.Count("created")} created)");
        output.WriteLine($"{"request",-55} {"real",6} {"emulator",9}");
        foreach (var shape in shapes)
        {
            output.WriteLine($"{shape,-55} {real.FirstSyncRequests.GetValueOrDefault(shape),6} {emulated.FirstSyncRequests.GetValueOrDefault(shape),9}");
        }

        output.WriteLine($"{"total",-55} {real.FirstSyncRequests.Values.Sum(),6} {emulated.FirstSyncRequests.Values.Sum(),9}");
        Assert.Equal(real.FirstSync.Count("created"), emulated.FirstSync.Count("created"));
        Assert.Equal(real.FirstSyncRequests, emulated.FirstSyncRequests);
        // The proxy saw what the emulator served (prepare included), so the counting itself is sound.
        Assert.True(emulator.RequestCount - requestsBefore >= emulated.FirstSyncRequests.Values.Sum());
        Assert.NotEmpty(real.FirstSyncRequests);
    }

    private static AyonEntity AssertFolder(ShotGridStore sg, IReadOnlyList<AyonEntity> folders, string type, long id)
    {
        var code = Text(sg, type, id, "code");
        var folder = folders.Linked(type, id);
        Assert.Equal((type, AyonNames.EntityName(code, type, id), code), (folder.Type, folder.Name, folder.Label));
        return folder;
    }

    private static string Text(ShotGridStore sg, string type, long id, string field) => sg.Get(type, id)![field]!.ToString()!;

    private static EntityLink Link(ShotGridStore sg, string type, long id, string field) => (EntityLink)sg.Get(type, id)![field]!;
}
