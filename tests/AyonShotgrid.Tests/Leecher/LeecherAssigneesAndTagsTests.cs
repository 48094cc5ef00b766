using System.Net.Http.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>
/// The leecher's creates carry what the full sync's creates carry (mapped attributes, status, tags, assignees), and
/// with applyChanges a change of <c>task_assignees</c> or <c>tags</c> reaches AYON.
/// </summary>
[Collection(LeecherCollection.Name)]
public sealed class LeecherAssigneesAndTagsTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task ALeecherCreatedShotAndTaskCarryMappedAttributesStatusTagsAndAssignees()
    {
        var (name, projectId, sequence, ann, annAyon, hero) = await SyncedProjectAsync("LeechCreate");

        var shot = Sg.Create("Shot", new()
        {
            ["code"] = "sh900", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence),
            ["sg_cut_in"] = 1010, ["sg_cut_out"] = 1090, ["sg_status_list"] = "ip", ["tags"] = new List<EntityLink> { new("Tag", hero) },
        });
        var task = Sg.Create("Task", new()
        {
            ["content"] = "comp", ["entity"] = TestProjects.Link("Shot", shot), ["project"] = TestProjects.Link("Project", projectId),
            ["sg_description"] = "slap comp", ["task_assignees"] = new List<EntityLink> { new("HumanUser", ann) },
        });

        var created = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).SingleOrDefault(t => TestProjects.Attrib(t.Attrib, "shotgridId") == task.ToString())),
            t => t is not null,
            $"the leecher to create task {task}");
        var folder = fixture.Ayon.Store.FolderOf(name, "Shot", shot);
        Assert.Equal(("1010", "1090", "In Progress"), (TestProjects.Attrib(folder.Attrib, "frameStart"), TestProjects.Attrib(folder.Attrib, "frameEnd"), folder.Status));
        Assert.Equal(["hero"], fixture.Ayon.Store.FolderTags(name, folder.Id));
        Assert.Equal("slap comp", TestProjects.Attrib(created!.Attrib, "description"));
        Assert.Equal([annAyon], fixture.Ayon.Store.TaskLists(name, created.Id)!.Value.Assignees);
    }

    [Fact]
    public async Task WithApplyChangesAnAssigneeAndATagChangeReachAyon()
    {
        var (name, projectId, sequence, ann, annAyon, hero) = await SyncedProjectAsync("LeechChange");
        var project = TestProjects.Link("Project", projectId);
        var shot = Sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = project, ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        var task = Sg.Create("Task", new() { ["content"] = "anim", ["entity"] = TestProjects.Link("Shot", shot), ["project"] = project });
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(projectId)).GetProperty("state").GetString());
        Assert.True((await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { applyChanges = true })).IsSuccessStatusCode);
        var taskId = fixture.Ayon.Store.TaskOf(name, task).Id;
        Assert.Empty(fixture.Ayon.Store.TaskLists(name, taskId)!.Value.Assignees);

        Sg.Update("Task", task, new() { ["task_assignees"] = new List<EntityLink> { new("HumanUser", ann) } });
        Sg.Update("Task", task, new() { ["tags"] = new List<EntityLink> { new("Tag", hero) } });

        var lists = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.TaskLists(name, taskId)!.Value),
            l => l.Assignees.Count == 1 && l.Tags.Count == 1,
            $"the assignee and tag of task {task} to reach AYON");
        Assert.Equal([annAyon], lists.Assignees);
        Assert.Equal(["hero"], lists.Tags);
    }

    private async Task<(string Name, long ProjectId, long Sequence, long Ann, string AnnAyon, long Hero)> SyncedProjectAsync(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var run = Guid.NewGuid().ToString("N")[..6];
        var ann = ShotGridSeeder.AddHumanUser(Sg, $"ann{run}", "Ann Linked");
        var annAyon = $"ann.{run}";
        fixture.Ayon.Store.AddUser(annAyon, "Ann Linked", shotgridUserId: ann);
        var hero = ShotGridSeeder.AddTag(Sg, "hero");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        return (name, seeded.ProjectId, seeded.SequenceIds[0], ann, annAyon, hero);
    }
}
