using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>
/// ShotGrid keeps the shots of a retired sequence (their <c>sg_sequence</c> reads empty until it is revived); AYON
/// deletes a folder's subtree. With applyChanges the leecher moves the live children out before it deletes the
/// sequence, published versions included, where the full sync places them, and back under it on revival.
/// </summary>
[Collection(LeecherCollection.Name)]
public sealed class RetiredParentTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task ShotsOfARetiredSequenceLeaveItWithTheirVersionsAndGoBackOnItsRevival()
    {
        var name = TestProjects.UniqueName("RetSeq");
        var projectId = Sg.CreateProject(name, code: "retseq");
        var project = TestProjects.Link("Project", projectId);
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq01", ["project"] = project });
        var published = Sg.Create("Shot", new() { ["code"] = "sh010", ["sg_sequence"] = TestProjects.Link("Sequence", sequence), ["project"] = project });
        var plain = Sg.Create("Shot", new() { ["code"] = "sh020", ["sg_sequence"] = TestProjects.Link("Sequence", sequence), ["project"] = project });
        var task = Sg.Create("Task", new() { ["content"] = "comp", ["entity"] = TestProjects.Link("Shot", published), ["project"] = project });
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(projectId)).GetProperty("state").GetString());
        Assert.True((await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { applyChanges = true })).IsSuccessStatusCode);

        var store = fixture.Ayon.Store;
        var sequenceId = store.FolderOf(name, "Sequence", sequence).Id;
        var shotIds = new[] { store.FolderOf(name, "Shot", published).Id, store.FolderOf(name, "Shot", plain).Id };
        var taskId = store.TaskOf(name, task).Id;
        var versionId = await PublishAsync(name, shotIds[0]);

        Sg.Retire("Sequence", sequence);
        await Eventually.WaitAsync(
            () => Task.FromResult(store.Folders(name).Any(f => f.Id == sequenceId)),
            present => !present,
            $"sequence {sequence} to be deleted from AYON");

        // Where a full sync puts a shot whose sg_sequence reads empty: the project root. Nothing of theirs was lost.
        Assert.All(shotIds, id => Assert.Null(store.Folders(name).Single(f => f.Id == id).ParentId));
        Assert.Equal(shotIds[0], store.Tasks(name).Single(t => t.Id == taskId).FolderId);
        Assert.Equal(shotIds[0], store.Versions(name).Single(v => v.Id == versionId).FolderId);

        Sg.Revive("Sequence", sequence);
        var back = await Eventually.WaitAsync(
            () => Task.FromResult(store.Folders(name).Where(f => shotIds.Contains(f.Id)).Select(f => f.ParentId).ToList()),
            parents => parents.Count == 2 && parents.All(p => p == sequenceId),
            $"the shots of sequence {sequence} to go back under it");
        Assert.Equal(sequenceId, store.FolderOf(name, "Sequence", sequence).Id);
        Assert.Equal(2, back.Count);
    }

    /// <summary>A product with one version under the folder, as a publish makes it.</summary>
    private async Task<string> PublishAsync(string project, string folderId)
    {
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var productId = Guid.NewGuid().ToString("N");
        var versionId = Guid.NewGuid().ToString("N");
        var publish = await ayon.PostAsJsonAsync($"api/projects/{project}/operations", new JsonObject
        {
            ["operations"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "create", ["entityType"] = "product", ["entityId"] = productId,
                    ["data"] = new JsonObject { ["name"] = "renderMain", ["folderId"] = folderId, ["productType"] = "render" },
                },
                new JsonObject
                {
                    ["type"] = "create", ["entityType"] = "version", ["entityId"] = versionId,
                    ["data"] = new JsonObject { ["version"] = 1, ["productId"] = productId },
                }),
        });
        Assert.True((await GatewayCalls.ReadOkAsync(publish)).GetProperty("success").GetBoolean());
        return versionId;
    }
}
