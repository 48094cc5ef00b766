using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

/// <summary>Override differences: field-by-field change list, dry run, mapped attributes, parent moves, conflicts.</summary>
[Collection(SyncCollection.Name)]
public sealed class OverrideDifferencesTests(SyncFixture fixture)
{
    [Fact]
    public async Task DryRunListsEachChangeAndWritesNothingThenOverrideWritesExactlyThat()
    {
        var name = TestProjects.UniqueName("DryRun");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "dryrun");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "__flat__" });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["sg_status_list"] = "wtg", ["sg_cut_in"] = 1005, ["sg_cut_out"] = 1050, ["project"] = TestProjects.Link("Project", projectId) });
        using var gateway = fixture.GatewayClient();
        var first = await gateway.SyncAsync(projectId);
        var before = fixture.Ayon.Store.FolderOf(name, "Shot", shot);

        // The default attribute map applies to creates: cut in/out become the frame range.
        Assert.Equal("succeeded", first.GetProperty("state").GetString());
        Assert.Equal(("1005", "1050"), (TestProjects.Attrib(before.Attrib, "frameStart"), TestProjects.Attrib(before.Attrib, "frameEnd")));
        Assert.Empty(first.Changes());

        sg.Update("Shot", shot, new() { ["code"] = "sh010 take two", ["sg_status_list"] = "ip", ["sg_cut_in"] = 1009, ["description"] = "hero shot" });
        var added = sg.Create("Shot", new() { ["code"] = "sh020", ["project"] = TestProjects.Link("Project", projectId) });

        var dry = await gateway.SyncAsync(projectId, overrideDifferences: true, dryRun: true);
        var untouched = fixture.Ayon.Store.FolderOf(name, "Shot", shot);
        Assert.Equal("succeeded", dry.GetProperty("state").GetString());
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal((0, 0), (dry.Count("created"), dry.Count("updated")));
        Assert.Equal(("sh010", before.Status, "1005"), (untouched.Label, untouched.Status, TestProjects.Attrib(untouched.Attrib, "frameStart")));
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => TestProjects.Attrib(f.Attrib, "shotgridId") == added.ToString());

        var expected = new[]
        {
            (shot, "attrib.description", (string?)null, (string?)"hero shot"),
            (shot, "attrib.frameStart", "1005", "1009"),
            (shot, "label", "sh010", "sh010 take two"),
            (shot, "status", before.Status, "In Progress"),
        };
        var dryChanges = dry.Changes();
        Assert.Equal(expected, dryChanges.Where(c => c.EntityId == shot).OrderBy(c => c.Field, StringComparer.Ordinal).ToArray());
        Assert.Contains((added, "create", (string?)null, (string?)"sh020"), dryChanges);

        var real = await gateway.SyncAsync(projectId, overrideDifferences: true);
        var updated = fixture.Ayon.Store.FolderOf(name, "Shot", shot);
        Assert.Equal("succeeded", real.GetProperty("state").GetString());
        Assert.False(real.GetProperty("dryRun").GetBoolean());
        Assert.Equal((1, 1), (real.Count("created"), real.Count("updated")));
        Assert.Equal(expected, real.Changes().OrderBy(c => c.Field, StringComparer.Ordinal).ToArray());
        Assert.Equal(("sh010", before.Id, "sh010 take two", "In Progress"), (updated.Name, updated.Id, updated.Label, updated.Status));
        Assert.Equal(("1009", "1050", "hero shot"), (TestProjects.Attrib(updated.Attrib, "frameStart"), TestProjects.Attrib(updated.Attrib, "frameEnd"), TestProjects.Attrib(updated.Attrib, "description")));

        var again = await gateway.SyncAsync(projectId, overrideDifferences: true);
        Assert.Empty(again.Changes());
        Assert.Equal(0, again.Count("updated"));
    }

    [Fact]
    public async Task AShotMovedToAnotherSequenceMovesUnlessItsNameIsTakenThere()
    {
        var name = TestProjects.UniqueName("Move");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "move");
        var project = TestProjects.Link("Project", projectId);
        var seqA = sg.Create("Sequence", new() { ["code"] = "sqA", ["project"] = project });
        var seqB = sg.Create("Sequence", new() { ["code"] = "sqB", ["project"] = project });
        var moving = sg.Create("Shot", new() { ["code"] = "sh010", ["sg_sequence"] = TestProjects.Link("Sequence", seqA), ["project"] = project });
        var blocked = sg.Create("Shot", new() { ["code"] = "sh020", ["sg_sequence"] = TestProjects.Link("Sequence", seqA), ["project"] = project });
        sg.Create("Shot", new() { ["code"] = "sh020", ["sg_sequence"] = TestProjects.Link("Sequence", seqB), ["project"] = project });
        var task = sg.Create("Task", new() { ["content"] = "comp", ["entity"] = TestProjects.Link("Shot", moving), ["project"] = project });
        using var gateway = fixture.GatewayClient();
        await gateway.SyncAsync(projectId);
        var store = fixture.Ayon.Store;
        var folderA = store.FolderOf(name, "Sequence", seqA).Id;
        var folderB = store.FolderOf(name, "Sequence", seqB).Id;
        var movingId = store.FolderOf(name, "Shot", moving).Id;

        sg.Update("Shot", moving, new() { ["sg_sequence"] = TestProjects.Link("Sequence", seqB) });
        sg.Update("Shot", blocked, new() { ["sg_sequence"] = TestProjects.Link("Sequence", seqB) });
        var createOnly = await gateway.SyncAsync(projectId);
        Assert.Equal(folderA, store.FolderOf(name, "Shot", moving).ParentId);

        var job = await gateway.SyncAsync(projectId, overrideDifferences: true);

        var moved = store.FolderOf(name, "Shot", moving);
        Assert.Equal((movingId, folderB, "sh010"), (moved.Id, moved.ParentId, moved.Name));
        Assert.Equal(movingId, store.TaskOf(name, task).FolderId);
        Assert.Equal(folderA, store.FolderOf(name, "Shot", blocked).ParentId);
        Assert.Contains((moving, "parent", (string?)folderA, (string?)folderB), job.Changes());
        Assert.DoesNotContain(job.Changes(), c => c.EntityId == blocked);
        Assert.Contains(job.IssuesOf("conflict"), i => i.EntityId == blocked && i.Reason.Contains("already used"));
        Assert.Empty(createOnly.Changes());
    }

    [Fact]
    public async Task AStatusAyonDoesNotAllowAndASecondEntityClaimingTheLinkAreReportedNotWritten()
    {
        var name = TestProjects.UniqueName("Conflicts");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "conflicts");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "__flat__" });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["sg_status_list"] = "wtg", ["project"] = TestProjects.Link("Project", projectId) });
        using var gateway = fixture.GatewayClient();
        await gateway.SyncAsync(projectId);
        var original = fixture.Ayon.Store.FolderOf(name, "Shot", shot);

        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        // "On Hold" becomes a task-only status in AYON; and someone makes a second folder carrying the shot's link.
        var anatomy = await GatewayCalls.ReadOkAsync(await ayon.GetAsync($"api/projects/{name}"));
        var statuses = JsonNode.Parse(anatomy.GetProperty("statuses").GetRawText())!.AsArray();
        var onHold = statuses.Single(s => s!["shortName"]!.GetValue<string>() == "hld")!;
        onHold["scope"] = new JsonArray("task");
        Assert.True((await ayon.PatchAsJsonAsync($"api/projects/{name}", new JsonObject { ["statuses"] = statuses.DeepClone() })).IsSuccessStatusCode);
        var copy = await ayon.PostAsJsonAsync($"api/projects/{name}/folders", new JsonObject
        {
            ["name"] = "sh010_copy", ["folderType"] = "Shot",
            ["attrib"] = new JsonObject { ["shotgridId"] = shot.ToString(), ["shotgridType"] = "Shot" },
        });
        Assert.True(copy.IsSuccessStatusCode);
        sg.Update("Shot", shot, new() { ["sg_status_list"] = "hld" });

        var job = await gateway.SyncAsync(projectId, overrideDifferences: true);

        Assert.Equal(original.Status, fixture.Ayon.Store.Folders(name).Single(f => f.Id == original.Id).Status);
        var conflicts = job.IssuesOf("conflict");
        Assert.Contains(conflicts, c => c.EntityId == shot && c.Reason.Contains("does not allow for folders"));
        Assert.Contains(conflicts, c => c.EntityId == shot && c.Reason.Contains("sh010_copy") && c.Reason.Contains("same ShotGrid link"));
        Assert.DoesNotContain(job.Changes(), c => c.Field == "status");
    }
}
