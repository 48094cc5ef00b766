using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Mapping;

/// <summary>
/// A project's navchains spell the parent field with or without the entity's own type as a prefix ("Sequence.episode",
/// "sg_scene,Scene.sg_sequence"); every spelling places entities alike, in the full sync and in the leecher. A navchain
/// naming a field the type does not have is reported, never a silent move to the project root.
/// </summary>
[Collection(MappingCollection.Name)]
public sealed class NavchainTests(MappingFixture fixture)
{
    private ShotGridStore Sg => fixture.Sg;

    public static TheoryData<string, string, string, string> Spellings => new()
    {
        // Sequence, Scene, Shot navchains; the type the shot hangs under.
        { "Sequence.episode", "Scene.sg_sequence", "sg_scene,Scene.sg_sequence", "Scene" },
        { "Sequence.episode", "__flat__", "Shot.sg_sequence", "Sequence" },
        { "episode", "sg_sequence", "Shot.sg_scene,Scene.sg_sequence", "Scene" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task TheFullSyncPlacesEntitiesUnderEverySpellingOfTheirNavchain(string sequence, string scene, string shot, string shotParent)
    {
        var name = TestProjects.UniqueName("NavSync");
        var projectId = Sg.CreateProject(name, code: name.ToLowerInvariant());
        Sg.SetNavchains(projectId, new() { ["Episode"] = "__flat__", ["Sequence"] = sequence, ["Scene"] = scene, ["Shot"] = shot });
        var ids = CreateTree(projectId, "a");
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Empty(job.IssuesOf("failed"));
        AssertPlaced(name, ids, shotParent, sceneUnderSequence: scene != "__flat__");
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task TheLeecherPlacesEntitiesUnderEverySpellingOfTheirNavchain(string sequence, string scene, string shot, string shotParent)
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync(
            "NavLeech", new() { ["Episode"] = "__flat__", ["Sequence"] = sequence, ["Scene"] = scene, ["Shot"] = shot });

        var ids = CreateTree(projectId, "b");

        await fixture.CaughtUpAsync(projectId);
        AssertPlaced(name, ids, shotParent, sceneUnderSequence: scene != "__flat__");
    }

    [Fact]
    public async Task ANavchainNamingAFieldTheTypeDoesNotHaveIsAJobIssueNotAMoveToTheRoot()
    {
        var name = TestProjects.UniqueName("NavBad");
        var projectId = Sg.CreateProject(name, code: name.ToLowerInvariant());
        Sg.SetNavchains(projectId, new() { ["Sequence"] = "__flat__", ["Shot"] = "Shot.sg_sequense" });
        var ids = CreateTree(projectId, "c");
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(projectId);

        var issue = Assert.Single(job.IssuesOf("failed"), i => i.EntityId == ids.Shot);
        Assert.Contains("Shot", issue.Reason, StringComparison.Ordinal);
        Assert.Contains("'Shot.sg_sequense'", issue.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => TestProjects.Attrib(f.Attrib, "shotgridType") == "Shot");
    }

    [Fact]
    public async Task ANavchainNamingAFieldTheTypeDoesNotHaveIsAnErrorInTheLeechersProjectStatus()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("NavBadLeech", new() { ["Sequence"] = "__flat__", ["Shot"] = "sg_sequense" });

        var ids = CreateTree(projectId, "d");

        var events = await fixture.CaughtUpAsync(projectId);
        Assert.Contains(events.GetProperty("lastErrors").EnumerateArray(), e => e.GetString()!.Contains("'sg_sequense'", StringComparison.Ordinal) && e.GetString()!.Contains("Shot", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => TestProjects.Attrib(f.Attrib, "shotgridId") == ids.Shot.ToString());
    }

    private (long Episode, long Sequence, long Scene, long Shot) CreateTree(long projectId, string stem)
    {
        var project = TestProjects.Link("Project", projectId);
        var episode = Sg.Create("Episode", new() { ["code"] = $"ep_{stem}", ["project"] = project });
        var sequence = Sg.Create("Sequence", new() { ["code"] = $"sq_{stem}", ["project"] = project, ["episode"] = TestProjects.Link("Episode", episode) });
        var scene = Sg.Create("Scene", new() { ["code"] = $"sc_{stem}", ["project"] = project, ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        var shot = Sg.Create("Shot", new()
        {
            ["code"] = $"sh_{stem}", ["project"] = project,
            ["sg_sequence"] = TestProjects.Link("Sequence", sequence), ["sg_scene"] = TestProjects.Link("Scene", scene),
        });
        return (episode, sequence, scene, shot);
    }

    private void AssertPlaced(string name, (long Episode, long Sequence, long Scene, long Shot) ids, string shotParent, bool sceneUnderSequence)
    {
        var store = fixture.Ayon.Store;
        Assert.Equal(store.FolderOf(name, "Episode", ids.Episode).Id, store.FolderOf(name, "Sequence", ids.Sequence).ParentId);
        if (sceneUnderSequence)
        {
            Assert.Equal(store.FolderOf(name, "Sequence", ids.Sequence).Id, store.FolderOf(name, "Scene", ids.Scene).ParentId);
        }

        var parentId = shotParent == "Scene" ? ids.Scene : ids.Sequence;
        Assert.Equal(store.FolderOf(name, shotParent, parentId).Id, store.FolderOf(name, "Shot", ids.Shot).ParentId);
    }
}
