using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>With applyChanges: retirement deletes or (when something was published) deactivates; revival restores the same AYON id.</summary>
[Collection(LeecherCollection.Name)]
public sealed class LeecherRetirementTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AnAssetWithNothingPublishedIsDeletedAndComesBackWithItsTaskAndTheSameIds()
    {
        var (name, projectId, asset, task) = await AssetProjectAsync("Retire");
        var folderId = fixture.Ayon.Store.FolderOf(name, "Asset", asset).Id;
        var taskId = fixture.Ayon.Store.TaskOf(name, task).Id;

        Sg.Retire("Task", task);
        Sg.Retire("Asset", asset);
        try
        {
            await Eventually.WaitAsync(
                () => Task.FromResult(fixture.Ayon.Store.Folders(name).Any(f => f.Id == folderId)),
                present => !present,
                $"asset {asset} to be deleted from AYON");
        }
        catch (TimeoutException e)
        {
            using var gateway = fixture.GatewayClient();
            var status = await gateway.GetStringAsync($"api/shotgrid/projects/{projectId}");
            throw new TimeoutException($"{e.Message}; project status: {status}", e);
        }
        Assert.DoesNotContain(fixture.Ayon.Store.Tasks(name), t => t.Id == taskId);

        // ShotGrid's order on asset revival: the task's retirement_date change comes before the asset's revival.
        using (Sg.BeginLateCommit())
        {
            Sg.Revive("Task", task);
            Sg.Revive("Asset", asset);
        }

        var revived = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).SingleOrDefault(t => t.Id == taskId)),
            t => t is not null,
            $"task {task} to come back in AYON");
        var folder = fixture.Ayon.Store.FolderOf(name, "Asset", asset);
        Assert.Equal((folderId, true), (folder.Id, folder.Active));
        Assert.Equal(folderId, revived!.FolderId);
    }

    [Fact]
    public async Task TasksAyonDeletedWithTheirAssetComeBackWithItsRevivalAndLaterChangesApply()
    {
        var (name, projectId, asset, task) = await AssetProjectAsync("Cascade");
        var project = TestProjects.Link("Project", projectId);
        var second = Sg.Create("Task", new() { ["content"] = "rig", ["entity"] = TestProjects.Link("Asset", asset), ["project"] = project });
        var folderId = fixture.Ayon.Store.FolderOf(name, "Asset", asset).Id;
        var taskId = fixture.Ayon.Store.TaskOf(name, task).Id;
        var secondId = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).SingleOrDefault(t => TestProjects.Attrib(t.Attrib, "shotgridId") == second.ToString())?.Id),
            id => id is not null,
            $"the leecher to create task {second}");

        // Only the asset is retired in ShotGrid; AYON deletes its tasks along with it, and they get no event of their own.
        Sg.Retire("Asset", asset);
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).Count),
            count => count == 0 && fixture.Ayon.Store.Folders(name).All(f => f.Id != folderId),
            $"asset {asset} and its tasks to be deleted from AYON");

        Sg.Revive("Asset", asset);
        var back = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).Select(t => t.Id).Order(StringComparer.Ordinal).ToList()),
            ids => ids.Count == 2,
            $"the tasks of asset {asset} to come back in AYON");
        Assert.Equal(new[] { taskId, secondId! }.Order(StringComparer.Ordinal), back);
        Assert.Equal(folderId, fixture.Ayon.Store.FolderOf(name, "Asset", asset).Id);

        // The task grains know their entity again: a later rename applies to it instead of failing on a lost id.
        Sg.Update("Task", task, new() { ["content"] = "model v2" });
        var renamed = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).Single(t => t.Id == taskId)),
            t => t.Label == "model v2",
            $"the rename of task {task} to reach AYON");
        Assert.Equal(folderId, renamed.FolderId);
    }

    [Fact]
    public async Task AnAssetWithAProductIsKeptDeactivatedAndMarkedThenReactivated()
    {
        var (name, projectId, asset, _) = await AssetProjectAsync("Keep");
        var folderId = fixture.Ayon.Store.FolderOf(name, "Asset", asset).Id;
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var publish = await ayon.PostAsJsonAsync($"api/projects/{name}/operations", new JsonObject
        {
            ["operations"] = new JsonArray(new JsonObject
            {
                ["type"] = "create", ["entityType"] = "product",
                ["data"] = new JsonObject { ["name"] = "modelMain", ["folderId"] = folderId, ["productType"] = "model" },
            }),
        });
        Assert.True((await GatewayCalls.ReadOkAsync(publish)).GetProperty("success").GetBoolean());

        Sg.Retire("Asset", asset);
        var kept = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Folders(name).Single(f => f.Id == folderId)),
            f => !f.Active,
            $"asset {asset} to be deactivated in AYON");
        var marked = await GatewayCalls.ReadOkAsync(await ayon.GetAsync($"api/projects/{name}/folders/{folderId}"));
        Assert.True(marked.GetProperty("data").GetProperty("shotgridRemoved").GetBoolean());
        Assert.False(kept.Active);

        Sg.Revive("Asset", asset);
        var back = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Folders(name).Single(f => f.Id == folderId)),
            f => f.Active,
            $"asset {asset} to be reactivated in AYON");
        var unmarked = await GatewayCalls.ReadOkAsync(await ayon.GetAsync($"api/projects/{name}/folders/{folderId}"));
        Assert.False(unmarked.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object && data.TryGetProperty("shotgridRemoved", out _));
        Assert.True(back.Active);
    }

    private async Task<(string Name, long ProjectId, long Asset, long Task)> AssetProjectAsync(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var projectId = Sg.CreateProject(name, code: stem.ToLowerInvariant());
        var project = TestProjects.Link("Project", projectId);
        var asset = Sg.Create("Asset", new() { ["code"] = "hero", ["sg_asset_type"] = "Prop", ["project"] = project });
        var task = Sg.Create("Task", new() { ["content"] = "model", ["entity"] = TestProjects.Link("Asset", asset), ["project"] = project });
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(projectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        var settings = await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { applyChanges = true });
        Assert.True(settings.IsSuccessStatusCode);
        return (name, projectId, asset, task);
    }
}
