using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>The AYON → ShotGrid direction: what people create in AYON reaches ShotGrid, linked both ways, only when the project opts in.</summary>
[Collection(PushCollection.Name)]
public sealed class PushTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task FoldersAndTasksCreatedInAyonAppearInShotGridLinkedBothWays()
    {
        var (name, projectId, _, _) = await fixture.PushedOneShotProjectAsync("PushCreate");
        using var person = new AyonPerson(fixture.Ayon);
        var sequence = await person.CreateFolderAsync(name, "sq_new", "Sequence", null);
        var shot = await person.CreateFolderAsync(name, "sh_new", "Shot", sequence, label: "Shot New");
        var task = await person.CreateTaskAsync(name, "anim", "Animation", shot);

        var sgTask = await Eventually.WaitAsync(() => Task.FromResult(Sg.FindIds("Task", "sg_ayon_id", task)), ids => ids.Count > 0, $"AYON task {task} to reach ShotGrid");
        var sgSequence = Assert.Single(Sg.FindIds("Sequence", "sg_ayon_id", sequence));
        var sgShot = Assert.Single(Sg.FindIds("Shot", "sg_ayon_id", shot));
        var shotFields = Sg.Get("Shot", sgShot)!;
        Assert.Equal("Shot New", shotFields.TextField("code"));
        Assert.Equal(sgSequence, shotFields.LinkField("sg_sequence")?.Id);
        var taskFields = Sg.Get("Task", Assert.Single(sgTask))!;
        Assert.Equal("anim", taskFields.TextField("content"));
        Assert.Equal(sgShot, taskFields.LinkField("entity")?.Id);
        Assert.Equal("Animation", Sg.Get("Step", taskFields.LinkField("step")!.Id)!.TextField("code"));

        // The AYON side carries the link back, so the leecher and a later sync see one entity, not two.
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).Single(t => t.Id == task)),
            t => TestProjects.Attrib(t.Attrib, "shotgridId") == sgTask[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"AYON task {task} to be linked to ShotGrid Task {sgTask[0]}");
        var folder = fixture.Ayon.Store.FolderOf(name, "Shot", sgShot);
        Assert.Equal(shot, folder.Id);
    }

    [Fact]
    public async Task AProjectThatDidNotOptInNeverGetsAShotGridWrite()
    {
        var (name, projectId, _, _) = await fixture.SyncedOneShotProjectAsync("PushOff");
        using var gateway = fixture.GatewayClient();
        var status = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
        Assert.False(status.GetProperty("push").GetProperty("enabled").GetBoolean());
        using var person = new AyonPerson(fixture.Ayon);
        var sequence = await person.CreateFolderAsync(name, "sq_off", "Sequence", null);
        var follower = fixture.Cluster.Client.GetGrain<IAyonPushFollowerGrain>(GrainKeys.PushFollower(fixture.Site));
        for (var round = 0; round < 3; round++)
        {
            await follower.PollNowAsync();
        }

        Assert.Empty(Sg.FindIds("Sequence", "sg_ayon_id", sequence));
        Assert.DoesNotContain(Sg.Events, e => e.ProjectId == projectId && e.User?.Id == fixture.ShotGrid.ScriptApiUserId && e.EventType == "Shotgun_Sequence_New");
    }

    [Fact]
    public async Task ALostLinkWriteIsReplayedWithoutASecondShotGridCreate()
    {
        var (name, projectId, _, _) = await fixture.PushedOneShotProjectAsync("PushReplay");
        using var person = new AyonPerson(fixture.Ayon);

        // The push's write of the link back to AYON fails once (not an outage: it is not retried), after ShotGrid created the
        // entity: the round fails, its cursor stays, and the replayed round must find the entity by sg_ayon_id.
        fixture.Ayon.Faults.FailNext(1, 400, pathContains: "/operations");
        var sequence = await person.CreateFolderAsync(name, "sq_replay", "Sequence", null);
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Folders(name).Single(f => f.Id == sequence)),
            f => TestProjects.Attrib(f.Attrib, "shotgridId") is not null,
            $"AYON folder {sequence} to be linked to ShotGrid");

        Assert.Single(Sg.FindIds("Sequence", "sg_ayon_id", sequence));
        var push = await fixture.PushStatusAsync(projectId);
        Assert.Equal(1, push.GetProperty("linked").GetInt64());
    }

    [Fact]
    public async Task PrepareAddsTheAyonIdFieldToAShotGridTypeThatLacksIt()
    {
        Assert.True(Sg.RemoveField("Shot", "sg_ayon_id"));
        var name = TestProjects.UniqueName("PushField");
        var projectId = Sg.CreateProject(name);
        using var gateway = fixture.GatewayClient();

        var prepared = await gateway.PrepareAsync(projectId);

        Assert.Contains("added ShotGrid field Shot.sg_ayon_id", prepared.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        var field = await GatewayCalls.ReadOkAsync(await ShotGridGetAsync("api/v1/schema/Shot/fields/sg_ayon_id"));
        Assert.Equal("text", field.GetProperty("data").GetProperty("data_type").GetProperty("value").GetString());
    }

    private async Task<HttpResponseMessage> ShotGridGetAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.ShotGrid.BaseUrl };
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = fixture.ShotGrid.ScriptName, ["client_secret"] = fixture.ShotGrid.ScriptKey,
        });
        var token = (await GatewayCalls.ReadOkAsync(await http.PostAsync("api/v1/auth/access_token", form))).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(path);
    }
}
