using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Mapping;

/// <summary>
/// The hierarchy preset of a project (AYON addon project settings): "grouped" puts top-level ShotGrid entities under
/// grouping folders (shots/, assets/, episodes/) of a configured name and folder type, in the leecher as in the full sync;
/// changing the preset moves existing folders only in a sync with "override differences", whose dry run lists the moves.
/// </summary>
[Collection(MappingCollection.Name)]
public sealed class HierarchyPresetTests(MappingFixture fixture)
{
    private static readonly JsonObject Grouped = new()
    {
        ["hierarchy_preset"] = "grouped", ["hierarchy_shots_folder"] = "shots", ["hierarchy_assets_folder"] = "assets",
        ["hierarchy_episodes_folder"] = "episodes", ["hierarchy_group_folder_type"] = "Folder",
    };

    private ShotGridStore Sg => fixture.Sg;

    [Fact]
    public async Task WithTheGroupedPresetTheLeecherPutsSequencesAssetsAndEpisodesUnderTheirGroupingFolders()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("Grouped", hierarchy: Grouped);
        var episode = Sg.Create("Episode", new() { ["code"] = "ep01", ["project"] = Project(projectId) });
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = Project(projectId) });
        var shot = Sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = Project(projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        var asset = Sg.Create("Asset", new() { ["code"] = "chair", ["project"] = Project(projectId), ["sg_asset_type"] = "Prop" });

        await fixture.CaughtUpAsync(projectId);

        Assert.Equal("episodes/ep01", PathOf(name, "Episode", episode));
        Assert.Equal("shots/sq010/sh010", PathOf(name, "Shot", shot));
        Assert.Equal("assets/prop/chair", PathOf(name, "Asset", asset));
        var shotsFolder = fixture.Ayon.Store.FolderOf(name, "HierarchyGroup", "shots");
        Assert.Equal(("shots", "Folder", (string?)null), (shotsFolder.Name, shotsFolder.FolderType, shotsFolder.ParentId));
    }

    [Fact]
    public async Task ChangingThePresetMovesExistingFoldersOnlyInAnOverrideSyncWhoseDryRunListsTheMoves()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("Regroup", applyChanges: true);
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = Project(projectId) });
        var shot = Sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = Project(projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        var asset = Sg.Create("Asset", new() { ["code"] = "chair", ["project"] = Project(projectId), ["sg_asset_type"] = "Prop" });
        await fixture.CaughtUpAsync(projectId);
        Assert.Equal("sq010/sh010", PathOf(name, "Shot", shot));

        fixture.SetProjectSettings(name, more: Grouped);
        var later = Sg.Create("Sequence", new() { ["code"] = "sq020", ["project"] = Project(projectId) });
        using var gateway = fixture.GatewayClient();
        var plain = await gateway.SyncAsync(projectId);

        // A sync without override places what is new by the new preset and leaves what AYON has where it is.
        Assert.Equal("succeeded", plain.GetProperty("state").GetString());
        Assert.Equal("shots/sq020", PathOf(name, "Sequence", later));
        Assert.Equal("sq010/sh010", PathOf(name, "Shot", shot));

        // The leecher neither moves existing folders for the preset: a change of sq010 leaves it at the root.
        Sg.Update("Sequence", sequence, new() { ["code"] = "sq010 renamed" });
        var newest = Sg.Create("Sequence", new() { ["code"] = "sq030", ["project"] = Project(projectId) });
        await fixture.CaughtUpAsync(projectId);
        Assert.Equal("sq010 renamed", fixture.Ayon.Store.FolderOf(name, "Sequence", sequence).Label);
        Assert.Equal("sq010/sh010", PathOf(name, "Shot", shot));
        Assert.Equal("prop/chair", PathOf(name, "Asset", asset));
        Assert.Equal("shots/sq030", PathOf(name, "Sequence", newest));

        var dryRun = await gateway.SyncAsync(projectId, overrideDifferences: true, dryRun: true);
        var moves = dryRun.Changes().Where(c => c.Field == "parent").ToList();
        Assert.Contains(moves, m => m.EntityId == sequence && m.New == fixture.Ayon.Store.FolderOf(name, "HierarchyGroup", "shots").Id);
        Assert.Contains(dryRun.GetProperty("changes").EnumerateArray(), c => c.GetProperty("entityType").GetString() == "AssetCategory"
            && c.GetProperty("field").GetString() == "parent" && c.GetProperty("oldValue").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal("sq010/sh010", PathOf(name, "Shot", shot));

        var applied = await gateway.SyncAsync(projectId, overrideDifferences: true);
        Assert.Equal("succeeded", applied.GetProperty("state").GetString());
        Assert.Equal("shots/sq010/sh010", PathOf(name, "Shot", shot));
        Assert.Equal("assets/prop/chair", PathOf(name, "Asset", asset));
        Assert.Equal("shots/sq020", PathOf(name, "Sequence", later));
    }

    [Fact]
    public async Task TheGatewayProjectSettingChoosesThePresetOverTheAyonSettingAndRefusesAnUnknownOne()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("GatewayPreset");
        using var gateway = fixture.GatewayClient();
        var refused = await gateway.PutAsync($"api/shotgrid/projects/{projectId}/settings", Json(new JsonObject { ["hierarchyPreset"] = "nested" }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);

        var set = await GatewayCalls.ReadOkAsync(await gateway.PutAsync($"api/shotgrid/projects/{projectId}/settings", Json(new JsonObject { ["applyChanges"] = true, ["hierarchyPreset"] = "grouped" })));
        Assert.Equal("grouped", set.GetProperty("hierarchyPresetSetting").GetString());
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = Project(projectId) });
        var asset = Sg.Create("Asset", new() { ["code"] = "chair", ["project"] = Project(projectId) });
        var job = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal("shots/sq010", PathOf(name, "Sequence", sequence));
        Assert.Equal("assets/chair", PathOf(name, "Asset", asset));
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("AYON")]
    public async Task AChangedPresetPlacesTheNextSequenceTheLeecherMakesAtOnce(string changedIn)
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("LeechPreset");
        var before = await LeechedSequenceAsync(projectId, "sq001");
        if (changedIn == "gateway")
        {
            using var gateway = fixture.GatewayClient();
            await GatewayCalls.ReadOkAsync(await gateway.PutAsync($"api/shotgrid/projects/{projectId}/settings", Json(new JsonObject { ["hierarchyPreset"] = "grouped" })));
        }
        else
        {
            fixture.SetProjectSettings(name, more: Grouped);
        }

        // No sync in between: the leecher's index, loaded flat for sq001, must take the new preset for the next round.
        var after = await LeechedSequenceAsync(projectId, "sq010");

        Assert.Equal("shots/sq010", PathOf(name, "Sequence", after));
        Assert.Equal("sq001", PathOf(name, "Sequence", before));
    }

    /// <summary>A sequence made in ShotGrid, once the leecher has applied it (so the project's index is loaded).</summary>
    private async Task<long> LeechedSequenceAsync(long projectId, string code)
    {
        var sequence = Sg.Create("Sequence", new() { ["code"] = code, ["project"] = Project(projectId) });
        await fixture.CaughtUpAsync(projectId);
        return sequence;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static EntityLink Project(long projectId) => TestProjects.Link("Project", projectId);

    /// <summary>The folder's path of names from the project root.</summary>
    private string PathOf(string project, string sgType, long sgId)
    {
        var folders = fixture.Ayon.Store.Folders(project).ToDictionary(f => f.Id);
        var names = new List<string>();
        for (var folder = fixture.Ayon.Store.FolderOf(project, sgType, sgId); ; folder = folders[folder.ParentId])
        {
            names.Insert(0, folder.Name);
            if (folder.ParentId is null)
            {
                return string.Join('/', names);
            }
        }
    }
}
