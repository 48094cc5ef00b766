using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Gateway;

/// <summary>
/// The members of a job and a project as the gateway answers them. The AYON addon's frontend reads them by name, so
/// a change to the status records behind them must not rename, drop or add one by accident.
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class ApiShapeTests(SyncFixture fixture)
{
    private static readonly string[] JobMembers =
    [
        "jobId", "sgProjectId", "ayonProjectName", "state", "overrideDifferences", "phase", "progressPercent", "counts", "issues", "error",
        "createdAt", "startedAt", "finishedAt", "attempt", "dryRun", "changes", "changesOmitted", "waitingFor", "waitingSince",
        "toShotGrid",
    ];

    private static readonly string[] CountMembers = ["total", "created", "alreadyPresent", "updated", "skipped", "failed", "done"];

    private static readonly string[] ProjectMembers =
    [
        "sgProjectId", "sgProjectName", "ayonProjectName", "linked", "preparedAt", "notes", "runningJobId", "lastSync", "events",
        "applyChanges", "applyChangesSetting", "push", "hierarchyPresetSetting", "notesFromShotGrid", "notesFromShotGridSetting", "mirror",
        "listPush",
        "notesToShotGrid", "notesToShotGridSetting", "commentPush",
        "runningPushJobId", "lastPushJob",
    ];

    internal static readonly string[] ListPushMembers =
        ["enabled", "cursor", "eventsRead", "ownEventsSkipped", "created", "updated", "retired", "issues", "lastError"];

    [Fact]
    public async Task AJobAndItsProjectAnswerWithTheMembersTheFrontendReads()
    {
        var name = TestProjects.UniqueName("Shape");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        var job = await gateway.SyncAsync(seeded.ProjectId);
        // The job says it ended before it tells its project (FinishAsync writes, then notifies): wait for the project to know.
        var project = await Eventually.WaitAsync(
            async () => await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{seeded.ProjectId}")),
            p => p.GetProperty("runningJobId").ValueKind == JsonValueKind.Null, "the project to record the job's end");

        Assert.Equal(Sorted(JobMembers), Members(job));
        Assert.Equal(Sorted(CountMembers), Members(job.GetProperty("counts")));
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Matches("^[0-9a-f]{32}$", job.GetProperty("jobId").GetString());
        Assert.Equal(JsonValueKind.Array, job.GetProperty("changes").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("waitingSince").ValueKind);

        Assert.Equal(Sorted(ProjectMembers), Members(project));
        Assert.True(project.GetProperty("linked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, project.GetProperty("runningJobId").ValueKind);
        Assert.False(job.GetProperty("toShotGrid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, project.GetProperty("lastPushJob").ValueKind);
        Assert.Equal(Sorted(JobMembers), Members(project.GetProperty("lastSync")));
        Assert.Equal(job.GetProperty("jobId").GetString(), project.GetProperty("lastSync").GetProperty("jobId").GetString());
    }

    private static List<string> Members(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static List<string> Sorted(string[] names) => [.. names.Order(StringComparer.Ordinal)];
}
