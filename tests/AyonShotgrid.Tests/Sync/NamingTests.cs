using System.Net.Http.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

/// <summary>
/// Names as ayon-shotgrid (ayon_api.utils.slugify_string) makes them, so a studio moving over finds its folders; and a
/// project synced by an earlier release of this project, whose category folders carry the old spelling, keeps them.
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class NamingTests(SyncFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task CategoryFoldersAndFolderNamesAreSpelledAsSlugifyStringSpellsThem()
    {
        var (name, projectId, sequence) = Seed("Names");
        Sg.Create("Asset", new() { ["code"] = "Crowd A", ["project"] = TestProjects.Link("Project", projectId), ["sg_asset_type"] = "FX & Crowd's" });
        Sg.Create("Shot", new() { ["code"] = "sh 010 - v2 (alt)", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = sequence });
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        var folders = fixture.Ayon.Store.Folders(name);
        var category = Assert.Single(folders, f => f.FolderType == "AssetCategory");
        Assert.Equal("fx_crowds", category.Name);
        Assert.Equal("fx_crowds", TestProjects.Attrib(category.Attrib, "shotgridId"));
        Assert.Contains(folders, f => f.FolderType == "Asset" && f.Name == "Crowd_A" && f.ParentId == category.Id);
        Assert.Contains(folders, f => f.FolderType == "Shot" && f.Name == "sh_010___v2_alt");
    }

    [Fact]
    public async Task AProjectSyncedBeforeTheNamingChangeKeepsItsCategoryFolderAndGetsNoSecondOne()
    {
        var (name, projectId, _) = Seed("OldNames");
        var asset = Sg.Create("Asset", new() { ["code"] = "Crowd A", ["project"] = TestProjects.Link("Project", projectId), ["sg_asset_type"] = "FX & Crowd's" });
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(projectId);

        // What releases before issue 16 made for this asset type: every other character turned into a separator.
        var legacyId = await CreateFolderAsync(name, "fx_crowd_s", "FX & Crowd\u2019s", "AssetCategory", "fx_crowd_s");
        var first = await gateway.SyncAsync(projectId);
        var again = await gateway.SyncAsync(projectId, overrideDifferences: true);

        Assert.Equal("succeeded", first.GetProperty("state").GetString());
        Assert.Equal("succeeded", again.GetProperty("state").GetString());
        var categories = fixture.Ayon.Store.Folders(name).Where(f => f.FolderType == "AssetCategory").ToList();
        var category = Assert.Single(categories);
        Assert.Equal(legacyId, category.Id);
        Assert.Equal("fx_crowd_s", category.Name);
        Assert.Equal(legacyId, fixture.Ayon.Store.FolderOf(name, "Asset", asset).ParentId);
        Assert.Equal(0, again.Count("updated"));
    }

    private (string Name, long ProjectId, EntityLink Sequence) Seed(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        Sg.AddAssetTypes("FX & Crowd's");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        return (name, seeded.ProjectId, TestProjects.Link("Sequence", seeded.SequenceIds[0]));
    }

    private async Task<string> CreateFolderAsync(string project, string folderName, string label, string folderType, string shotgridId)
    {
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var response = await ayon.PostAsJsonAsync($"api/projects/{project}/folders", new
        {
            name = folderName,
            label,
            folderType,
            attrib = new { shotgridId, shotgridType = folderType },
        });
        var body = await GatewayCalls.ReadOkAsync(response);
        return body.GetProperty("id").GetString()!;
    }
}
