using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>
/// Sync to ShotGrid as a job (issue 19): what an AYON project has and ShotGrid lacks — folders, tasks, versions and their
/// published files — is created once, followed like a sync job, listed without writing in a dry run, and refused while
/// the project's push is off. The entities are made in AYON while the push is off, so only the job can bring them over
/// (switching the push on starts its event cursor at AYON's newest event).
/// </summary>
[Collection(PushCollection.Name)]
public sealed class SyncToShotGridJobTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task TheJobCreatesFoldersTasksAndVersionsOnceAndItsDryRunOnlyListsThem()
    {
        var (name, projectId, shot, _) = await fixture.SyncedOneShotProjectAsync("PushJob");
        var made = await MakeInAyonAsync(name, fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id);
        using var gateway = fixture.GatewayClient();
        await PushOnAsync(gateway, projectId);

        var dry = await RunJobAsync(gateway, projectId, dryRun: true);
        Assert.Equal(("succeeded", true, true), (dry.GetProperty("state").GetString(), dry.GetProperty("dryRun").GetBoolean(), dry.GetProperty("toShotGrid").GetBoolean()));
        var planned = dry.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("entityType").GetString(), c.GetProperty("ayonId").GetString(), c.GetProperty("field").GetString())).ToHashSet();
        Assert.Equal(
            new HashSet<(string?, string?, string?)>
            {
                ("Sequence", made.Sequence, "create"), ("Shot", made.Shot, "create"), ("Task", made.Task, "create"),
                ("Version", made.Version, "create"), ("PublishedFile", made.Representation, "create"),
            },
            planned);
        Assert.Equal(0, dry.Count("created"));
        Assert.Empty(Sg.FindIds("Sequence", "sg_ayon_id", made.Sequence));
        Assert.Empty(Sg.FindIds("Version", "sg_ayon_id", made.Version));

        var run = await RunJobAsync(gateway, projectId, dryRun: false);
        Assert.Equal(("succeeded", "done", 100), (run.GetProperty("state").GetString(), run.GetProperty("phase").GetString(), run.GetProperty("progressPercent").GetInt32()));
        Assert.Equal(5, run.Count("created"));
        var sgSequence = Assert.Single(Sg.FindIds("Sequence", "sg_ayon_id", made.Sequence));
        var sgShot = Assert.Single(Sg.FindIds("Shot", "sg_ayon_id", made.Shot));
        Assert.Equal(sgSequence, Sg.Get("Shot", sgShot)!.LinkField("sg_sequence")?.Id);
        Assert.Equal(sgShot, Sg.Get("Task", Assert.Single(Sg.FindIds("Task", "sg_ayon_id", made.Task)))!.LinkField("entity")?.Id);
        var sgVersion = Assert.Single(Sg.FindIds("Version", "sg_ayon_id", made.Version));
        Assert.Equal(("Shot", shot, "plateMain_v001"), (Sg.Get("Version", sgVersion)!.LinkField("entity")?.Type, Sg.Get("Version", sgVersion)!.LinkField("entity")?.Id, Sg.Get("Version", sgVersion)!.TextField("code")));
        Assert.Equal(sgVersion, Sg.Get("PublishedFile", Assert.Single(Sg.FindIds("PublishedFile", "sg_ayon_id", made.Representation)))!.LinkField("version")?.Id);
        Assert.Equal(sgVersion.ToString(CultureInfo.InvariantCulture), TestProjects.Attrib(fixture.Ayon.Store.Versions(name).Single(v => v.Id == made.Version).Attrib, "shotgridId"));

        // A second run finds everything by its link or sg_ayon_id: ShotGrid gets no create at all.
        var creates = ScriptCreates(projectId);
        var again = await RunJobAsync(gateway, projectId, dryRun: false);
        Assert.Equal(("succeeded", 0), (again.GetProperty("state").GetString(), again.Count("created")));
        Assert.Equal(again.Count("total"), again.Count("alreadyPresent"));
        Assert.Equal(creates, ScriptCreates(projectId));

        var project = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
        Assert.Equal(again.GetProperty("jobId").GetString(), project.GetProperty("lastPushJob").GetProperty("jobId").GetString());
        Assert.Equal(JsonValueKind.Null, project.GetProperty("runningPushJobId").ValueKind);
    }

    [Fact]
    public async Task TheJobAnswersAtOnceAndWaitsOutAShotGridOutage()
    {
        var (name, projectId, _, _) = await fixture.SyncedOneShotProjectAsync("PushJobOutage");
        using var person = new AyonPerson(fixture.Ayon);
        var sequence = await person.CreateFolderAsync(name, "sq_outage", "Sequence", null);
        using var gateway = fixture.GatewayClient();
        await PushOnAsync(gateway, projectId);

        fixture.ShotGrid.Faults.Down = true;
        try
        {
            var url = await StartJobAsync(gateway, projectId, dryRun: false);
            var waiting = await gateway.WaitForJobAsync(url, j => j.GetProperty("waitingFor").GetString() == "ShotGrid", "the job to wait for ShotGrid");
            Assert.Equal("running", waiting.GetProperty("state").GetString());
            Assert.StartsWith("waiting for ShotGrid", waiting.GetProperty("phase").GetString(), StringComparison.Ordinal);
            Assert.Empty(Sg.FindIds("Sequence", "sg_ayon_id", sequence));

            fixture.ShotGrid.Faults.Down = false;
            var done = await gateway.WaitForJobAsync(url, Finished, "the job to finish once ShotGrid answers again");
            Assert.Equal(("succeeded", 1), (done.GetProperty("state").GetString(), done.Count("created")));
            Assert.Single(Sg.FindIds("Sequence", "sg_ayon_id", sequence));
        }
        finally
        {
            fixture.ShotGrid.Faults.Down = false;
        }
    }

    [Fact]
    public async Task AProjectWithoutPushIsRefusedWithHowToTurnItOn()
    {
        var (name, projectId, _, _) = await fixture.SyncedOneShotProjectAsync("PushJobOff");
        using var person = new AyonPerson(fixture.Ayon);
        var sequence = await person.CreateFolderAsync(name, "sq_refused", "Sequence", null);
        using var gateway = fixture.GatewayClient();

        foreach (var dryRun in new[] { false, true })
        {
            using var response = await gateway.PostAsJsonAsync($"api/shotgrid/projects/{projectId}/push", new { dryRun });
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("\"pushToShotGrid\": true", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var project = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
        Assert.Equal(JsonValueKind.Null, project.GetProperty("lastPushJob").ValueKind);
        Assert.Empty(Sg.FindIds("Sequence", "sg_ayon_id", sequence));
    }

    /// <summary>A sequence, a shot under it with a task, and a published version (one representation) on the synced shot.</summary>
    private async Task<(string Sequence, string Shot, string Task, string Version, string Representation)> MakeInAyonAsync(string name, string syncedShot)
    {
        using var person = new AyonPerson(fixture.Ayon);
        var sequence = await person.CreateFolderAsync(name, "sq_job", "Sequence", null);
        var newShot = await person.CreateFolderAsync(name, "sh_job", "Shot", sequence);
        var task = await person.CreateTaskAsync(name, "anim", "Animation", newShot);
        var (product, version, representation) = (Id(), Id(), Id());
        await person.CreateManyAsync(name,
        [
            Op("product", product, new JsonObject { ["name"] = "plateMain", ["productType"] = "plate", ["folderId"] = syncedShot }),
            Op("version", version, new JsonObject { ["version"] = 1, ["productId"] = product }),
            Op("representation", representation, new JsonObject
            {
                ["name"] = "exr", ["versionId"] = version, ["attrib"] = new JsonObject { ["path"] = "/proj/plate.1001.exr" },
                ["files"] = new JsonArray(new JsonObject { ["id"] = Id(), ["path"] = "/proj/plate.%04d.exr" }),
            }),
        ]);
        return (sequence, newShot, task, version, representation);
    }

    private static async Task PushOnAsync(HttpClient gateway, long projectId) =>
        Assert.True((await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { pushToShotGrid = true })))
            .GetProperty("push").GetProperty("enabled").GetBoolean());

    private static async Task<string> StartJobAsync(HttpClient gateway, long projectId, bool dryRun)
    {
        using var response = await gateway.PostAsJsonAsync($"api/shotgrid/projects/{projectId}/push", new { dryRun, requestedBy = "test" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await GatewayCalls.ReadOkAsync(response);
        Assert.True(started.GetProperty("job").GetProperty("toShotGrid").GetBoolean());
        return started.GetProperty("statusUrl").GetString()!.TrimStart('/');
    }

    private static async Task<JsonElement> RunJobAsync(HttpClient gateway, long projectId, bool dryRun) =>
        await gateway.WaitForJobAsync(await StartJobAsync(gateway, projectId, dryRun), Finished, $"Sync to ShotGrid job (dry run {dryRun}) of project {projectId}");

    private static bool Finished(JsonElement job) => job.GetProperty("state").GetString() is "succeeded" or "failed";

    /// <summary>ShotGrid's record of entities the cluster's script user created in the project.</summary>
    private int ScriptCreates(long projectId) =>
        Sg.Events.Count(e => e.ProjectId == projectId && e.User?.Id == fixture.ShotGrid.ScriptApiUserId && e.EventType.EndsWith("_New", StringComparison.Ordinal));

    private static string Id() => Guid.NewGuid().ToString("N");

    private static JsonObject Op(string entityType, string id, JsonObject data) =>
        new() { ["type"] = "create", ["entityType"] = entityType, ["entityId"] = id, ["data"] = data };
}
