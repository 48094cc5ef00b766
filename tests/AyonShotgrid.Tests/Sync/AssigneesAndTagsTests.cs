using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

/// <summary>
/// Task assignees (ShotGrid HumanUsers → AYON users linked by <c>data.sg_user_id</c>, never created) and tags, on create
/// and in override differences, with the dry run listing them.
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class AssigneesAndTagsTests(SyncFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task ACreatedTaskGetsItsLinkedAssigneesAndTagsAndAnUnlinkedUserIsReportedNotCreated()
    {
        var (name, projectId, shot, task, people) = await ProjectAsync("AssignCreate");
        var usersBefore = fixture.Ayon.Store.UserNames;

        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        var ayonTask = fixture.Ayon.Store.TaskOf(name, task);
        var lists = fixture.Ayon.Store.TaskLists(name, ayonTask.Id)!.Value;
        Assert.Equal([people.AnnAyon], lists.Assignees);
        Assert.Equal(["hero"], lists.Tags);
        Assert.Equal(["hero", "night"], fixture.Ayon.Store.FolderTags(name, fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id));
        var unlinked = Assert.Single(job.IssuesOf("unlinkedUser"));
        Assert.Equal(task, unlinked.EntityId);
        Assert.Contains($"HumanUser 'Bob Unlinked' ({people.Bob})", unlinked.Reason, StringComparison.Ordinal);
        Assert.Equal(usersBefore, fixture.Ayon.Store.UserNames);
    }

    [Fact]
    public async Task OverrideDifferencesSetsAssigneesAndTagsKeepsAyonOnlyAssigneesAndTheDryRunListsIt()
    {
        var (name, projectId, shot, task, people) = await ProjectAsync("AssignOverride");
        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(projectId)).GetProperty("state").GetString());
        var ayonTask = fixture.Ayon.Store.TaskOf(name, task);
        var folderId = fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id;

        // Somebody assigns an AYON-only user in AYON; ShotGrid then swaps Ann for Carl and retags.
        var danaAyon = $"dana{Guid.NewGuid().ToString("N")[..6]}";
        fixture.Ayon.Store.AddUser(danaAyon, "Dana AYON only");
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var patch = await ayon.PatchAsJsonAsync($"api/projects/{name}/tasks/{ayonTask.Id}", new JsonObject { ["assignees"] = new JsonArray(people.AnnAyon, danaAyon) });
        Assert.True(patch.IsSuccessStatusCode);
        Sg.Update("Task", task, new() { ["task_assignees"] = new List<EntityLink> { new("HumanUser", people.Carl) }, ["tags"] = new List<EntityLink> { new("Tag", people.NightTag) } });
        Sg.Update("Shot", shot, new() { ["tags"] = new List<EntityLink>() });

        var createOnly = await gateway.SyncAsync(projectId);
        Assert.Equal([people.AnnAyon, danaAyon], fixture.Ayon.Store.TaskLists(name, ayonTask.Id)!.Value.Assignees);

        var dry = await gateway.SyncAsync(projectId, overrideDifferences: true, dryRun: true);
        var expected = new[]
        {
            (task, "assignees", (string?)$"{people.AnnAyon}, {danaAyon}", (string?)$"{danaAyon}, {people.CarlAyon}"),
            (task, "tags", "hero", "night"),
            (shot, "tags", "hero, night", ""),
        };
        Assert.Empty(createOnly.Changes());
        Assert.Equal(expected, dry.Changes().Where(c => c.Field is "assignees" or "tags").OrderBy(c => c.EntityId == shot).ThenBy(c => c.Field, StringComparer.Ordinal).ToArray());
        Assert.Equal([people.AnnAyon, danaAyon], fixture.Ayon.Store.TaskLists(name, ayonTask.Id)!.Value.Assignees);

        var real = await gateway.SyncAsync(projectId, overrideDifferences: true);
        var lists = fixture.Ayon.Store.TaskLists(name, ayonTask.Id)!.Value;
        Assert.Equal("succeeded", real.GetProperty("state").GetString());
        Assert.Equal(expected, real.Changes().Where(c => c.Field is "assignees" or "tags").OrderBy(c => c.EntityId == shot).ThenBy(c => c.Field, StringComparer.Ordinal).ToArray());
        Assert.Equal([danaAyon, people.CarlAyon], lists.Assignees);
        Assert.Equal(["night"], lists.Tags);
        Assert.Empty(fixture.Ayon.Store.FolderTags(name, folderId)!);
        Assert.Empty((await gateway.SyncAsync(projectId, overrideDifferences: true)).Changes());
    }

    /// <summary>Ann and Carl are linked to AYON users, Bob is not; the task is assigned to Ann and Bob.</summary>
    private async Task<(string Name, long ProjectId, long Shot, long Task, People People)> ProjectAsync(string stem)
    {
        var name = TestProjects.UniqueName(stem);
        var run = Guid.NewGuid().ToString("N")[..6];
        var ann = ShotGridSeeder.AddHumanUser(Sg, $"ann{run}", "Ann Linked");
        var bob = ShotGridSeeder.AddHumanUser(Sg, $"bob{run}", "Bob Unlinked");
        var carl = ShotGridSeeder.AddHumanUser(Sg, $"carl{run}", "Carl Linked");
        var people = new People(ann, $"ann.{run}", bob, carl, $"carl.{run}", ShotGridSeeder.AddTag(Sg, "hero"), ShotGridSeeder.AddTag(Sg, "night"));
        fixture.Ayon.Store.AddUser(people.AnnAyon, "Ann Linked", shotgridUserId: ann);
        fixture.Ayon.Store.AddUser(people.CarlAyon, "Carl Linked", shotgridUserId: carl);

        var projectId = Sg.CreateProject(name, code: stem.ToLowerInvariant());
        Sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "__flat__" });
        var project = TestProjects.Link("Project", projectId);
        var shot = Sg.Create("Shot", new()
        {
            ["code"] = "sh010", ["project"] = project,
            ["tags"] = new List<EntityLink> { new("Tag", people.HeroTag), new("Tag", people.NightTag) },
        });
        var task = Sg.Create("Task", new()
        {
            ["content"] = "comp", ["entity"] = TestProjects.Link("Shot", shot), ["project"] = project,
            ["task_assignees"] = new List<EntityLink> { new("HumanUser", ann), new("HumanUser", bob) },
            ["tags"] = new List<EntityLink> { new("Tag", people.HeroTag) },
        });
        return (name, projectId, shot, task, people);
    }

    private sealed record People(long Ann, string AnnAyon, long Bob, long Carl, string CarlAyon, long HeroTag, long NightTag);
}
