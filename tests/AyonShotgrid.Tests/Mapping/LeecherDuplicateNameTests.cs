using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Mapping;

/// <summary>
/// The leecher names what it creates by the full sync's rule: the project's Sync:DuplicateNamePolicy (skip included),
/// and an AYON entity of the same name without a ShotGrid link is linked, not duplicated.
/// </summary>
[Collection(MappingCollection.Name)]
public sealed class LeecherDuplicateNameTests(MappingFixture fixture)
{
    private ShotGridStore Sg => fixture.Sg;

    [Fact]
    public async Task WithTheSkipPolicyASecondShotOfTheSameNameIsNotCreatedAndTheStatusSaysWhy()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("DupSkip", policy: "skip");
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = TestProjects.Link("Project", projectId) });
        var first = CreateShot(projectId, "sh010", sequence);
        await fixture.CaughtUpAsync(projectId);

        var second = CreateShot(projectId, "SH010", sequence);

        var events = await fixture.CaughtUpAsync(projectId);
        Assert.Equal("sh010", fixture.Ayon.Store.FolderOf(name, "Shot", first).Name);
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => TestProjects.Attrib(f.Attrib, "shotgridId") == second.ToString());
        Assert.Contains(events.GetProperty("lastErrors").EnumerateArray(), e => e.GetString()!.Contains("duplicate policy: skip", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithTheSuffixPolicyASecondShotOfTheSameNameGetsTheSuffixTheFullSyncGives()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("DupSuffix");
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = TestProjects.Link("Project", projectId) });
        CreateShot(projectId, "sh010", sequence);
        await fixture.CaughtUpAsync(projectId);

        var second = CreateShot(projectId, "SH010", sequence);

        await fixture.CaughtUpAsync(projectId);
        Assert.Equal($"SH010_sg{second}", fixture.Ayon.Store.FolderOf(name, "Shot", second).Name);
    }

    [Fact]
    public async Task AnAyonFolderOfTheSameNameWithoutAShotGridLinkIsLinkedNotDuplicated()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("DupLink");
        var sequence = Sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = TestProjects.Link("Project", projectId) });
        await fixture.CaughtUpAsync(projectId);
        var sequenceFolder = fixture.Ayon.Store.FolderOf(name, "Sequence", sequence);
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var made = await ayon.PostAsJsonAsync($"api/projects/{name}/folders", new JsonObject
        {
            ["name"] = "sh020", ["folderType"] = "Shot", ["parentId"] = sequenceFolder.Id,
        });
        Assert.True(made.IsSuccessStatusCode);
        var handMadeId = (await GatewayCalls.ReadOkAsync(made)).GetProperty("id").GetString();

        var shot = CreateShot(projectId, "sh020", sequence);

        await fixture.CaughtUpAsync(projectId);
        var linked = fixture.Ayon.Store.FolderOf(name, "Shot", shot);
        Assert.Equal(handMadeId, linked.Id);
        Assert.Single(fixture.Ayon.Store.Folders(name), f => f.Name.StartsWith("sh020", StringComparison.OrdinalIgnoreCase));
    }

    private long CreateShot(long projectId, string code, long sequence) =>
        Sg.Create("Shot", new() { ["code"] = code, ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
}
