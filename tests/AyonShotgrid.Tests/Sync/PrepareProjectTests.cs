using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

[Collection(SyncCollection.Name)]
public sealed class PrepareProjectTests(SyncFixture fixture)
{
    [Fact]
    public async Task PrepareCreatesTheAyonProjectWithAttributesTypesAndStatuses()
    {
        var name = TestProjects.UniqueName("Prep");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 1, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();

        var result = await gateway.PrepareAsync(seeded.ProjectId);

        Assert.Equal(name, result.GetProperty("ayonProjectName").GetString());
        Assert.True(result.GetProperty("projectCreated").GetBoolean());
        var project = fixture.Ayon.Store.GetProject(name)!;
        Assert.Equal(seeded.ProjectId.ToString(), TestProjects.Attrib(project.Attrib, "shotgridId"));
        Assert.Equal("Project", TestProjects.Attrib(project.Attrib, "shotgridType"));
        foreach (var folderType in new[] { "Episode", "Sequence", "Scene", "Shot", "Asset", "AssetCategory", "Folder" })
        {
            Assert.Contains(folderType, project.FolderTypes);
        }

        foreach (var step in seeded.StepIds.Keys)
        {
            Assert.Contains(step, project.TaskTypes);
        }

        Assert.Contains("Generic", project.TaskTypes);
        Assert.NotEmpty(project.Statuses);
        Assert.Contains("shotgridId", fixture.Ayon.Store.AttributeNames);
        Assert.Contains("shotgridType", fixture.Ayon.Store.AttributeNames);
    }

    [Fact]
    public async Task PrepareTwiceChangesNothingTheSecondTime()
    {
        var name = TestProjects.UniqueName("Prep_Twice");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);
        var restarts = fixture.Ayon.Store.RestartCount;

        var second = await gateway.PrepareAsync(seeded.ProjectId);

        Assert.False(second.GetProperty("projectCreated").GetBoolean());
        Assert.Equal(0, second.GetProperty("changes").GetArrayLength());
        Assert.Equal(restarts, fixture.Ayon.Store.RestartCount);
        Assert.Single(fixture.Ayon.Store.ProjectNames, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnInvalidShotGridProjectNameIsTurnedIntoAValidOneAndSaidSo()
    {
        var stem = TestProjects.UniqueName("Big Show");
        var sgName = stem.Replace("_", " ") + " (2026)!";
        var projectId = fixture.ShotGrid.Store.CreateProject(sgName, code: "bigshow");
        using var gateway = fixture.GatewayClient();

        var result = await gateway.PrepareAsync(projectId);

        var ayonName = result.GetProperty("ayonProjectName").GetString()!;
        Assert.Matches("^[a-zA-Z0-9_]+$", ayonName);
        Assert.StartsWith("Big_Show_", ayonName);
        Assert.Contains(result.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("not a valid AYON project name"));
        Assert.NotNull(fixture.Ayon.Store.GetProject(ayonName));
    }

    [Fact]
    public async Task PreparingAMissingShotGridProjectAnswers404WithTheReason()
    {
        using var gateway = fixture.GatewayClient();

        var response = await gateway.PostAsync("api/shotgrid/projects/987654321/prepare", null);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("987654321", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadingAMissingShotGridProjectAnswers404WithTheReasonAndAnExistingOneAnswersItsName()
    {
        using var gateway = fixture.GatewayClient();
        var name = TestProjects.UniqueName("Never_Prepared");
        var existing = fixture.ShotGrid.Store.CreateProject(name, code: "np");

        var missing = await gateway.GetAsync("api/shotgrid/projects/987654322");
        var present = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{existing}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        var body = await missing.Content.ReadAsStringAsync();
        Assert.Contains("ShotGrid project 987654322 does not exist", body, StringComparison.Ordinal);
        Assert.Equal(name, present.GetProperty("sgProjectName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, present.GetProperty("ayonProjectName").ValueKind);
    }
}
