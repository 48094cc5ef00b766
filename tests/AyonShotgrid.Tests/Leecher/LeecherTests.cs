using System.Text.Json;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

[Collection(LeecherCollection.Name)]
public sealed class LeecherTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AShotCreatedInShotGridAppearsInAyonUnderItsSequence()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Follow");

        var shot = CreateShot(projectId, "sh900", sequence);

        var folder = await WaitForFolderAsync(name, "Shot", shot);
        Assert.Equal(fixture.Ayon.Store.FolderOf(name, "Sequence", sequence).Id, folder.ParentId);
        Assert.Equal("sh900", folder.Name);

        // The event is mirrored into AYON's log after the folder is written, so it may land a moment later.
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Events.Any(e => e.Topic == "shotgrid.event" && e.Summary["entityId"]!.GetValue<long>() == shot)),
            mirrored => mirrored,
            $"the ShotGrid event of shot {shot} to be mirrored into AYON's event log",
            TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task AShotWhoseSequenceAyonNeverSawGetsItsParentChainCreated()
    {
        var (name, projectId, _) = await SyncedProjectAsync("Chain", episodes: 1);
        long episode, sequence;
        using (Sg.BeginLateCommit())
        {
            // The parents' events stay invisible while the shot's are applied, so the shot must pull its parents in.
            episode = Sg.Create("Episode", new() { ["code"] = "ep900", ["project"] = TestProjects.Link("Project", projectId) });
            sequence = Sg.Create("Sequence", new() { ["code"] = "sq900", ["project"] = TestProjects.Link("Project", projectId), ["episode"] = TestProjects.Link("Episode", episode) });
            var shot = await Outside(() => CreateShot(projectId, "sh901", sequence));
            var folder = await WaitForFolderAsync(name, "Shot", shot);
            var parent = fixture.Ayon.Store.FolderOf(name, "Sequence", sequence);
            Assert.Equal(parent.Id, folder.ParentId);
            Assert.Equal(fixture.Ayon.Store.FolderOf(name, "Episode", episode).Id, parent.ParentId);
        }

        await WaitForCursorAsync(projectId, s => s.GetProperty("backlog").GetInt32() == 0 && s.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "late parent events to be taken in");
        Assert.Single(fixture.Ayon.Store.Folders(name), f => f.Name == "sq900");
    }

    [Fact]
    public async Task EventsCommittedOutOfOrderAreAllApplied()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Late");
        long early;
        using (Sg.BeginLateCommit())
        {
            early = CreateShot(projectId, "sh_early", sequence);
            var later = await Outside(() => CreateShot(projectId, "sh_later", sequence));
            await WaitForFolderAsync(name, "Shot", later);
            Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => f.Name == "sh_early");
        }

        await WaitForFolderAsync(name, "Shot", early);
        await WaitForCursorAsync(projectId, s => s.GetProperty("backlog").GetInt32() == 0 && s.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "the watermark to pass the late events");
    }

    [Fact]
    public async Task APermanentHoleIsGivenUpAfterTheSettleWindowWithoutBlockingWhatFollows()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Hole");
        Sg.AllocatePermanentHole();
        var shot = CreateShot(projectId, "sh_after_hole", sequence);

        await WaitForFolderAsync(name, "Shot", shot);
        var waiting = await WaitForCursorAsync(projectId, s => s.GetProperty("backlog").GetInt32() >= 1, "the hole to be waited for");
        Assert.True(waiting.GetProperty("watermark").GetInt64() < Sg.NewestEventId);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var settled = await WaitForCursorAsync(projectId, s => s.GetProperty("backlog").GetInt32() == 0 && s.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "the hole to be given up");
        Assert.True(settled.GetProperty("givenUp").GetInt64() >= 1);
    }

    [Fact]
    public async Task EventsWrittenByTheIntegrationsOwnScriptUserAreIgnored()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Own");
        var before = (await StatusAsync(projectId)).GetProperty("events").GetProperty("ignored").GetInt64();

        var own = Sg.Create("Shot", new() { ["code"] = "sh_own", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) }, new StoreActor("ApiUser", fixture.ShotGrid.ScriptApiUserId));
        var marker = CreateShot(projectId, "sh_marker", sequence);

        await WaitForFolderAsync(name, "Shot", marker);
        await WaitForCursorAsync(projectId, s => s.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "the cursor to pass the own-user events");
        Assert.DoesNotContain(fixture.Ayon.Store.Folders(name), f => f.Name == "sh_own");
        Assert.True((await StatusAsync(projectId)).GetProperty("events").GetProperty("ignored").GetInt64() > before);
        Assert.True(own > 0);
    }

    [Fact]
    public async Task ShotGridErrorsWhilePollingDoNotStopTheLeecher()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Outage");
        fixture.ShotGrid.Faults.FailNext(6, 503, pathContains: "event_log_entries");

        var shot = CreateShot(projectId, "sh_after_outage", sequence);

        await WaitForFolderAsync(name, "Shot", shot);
    }

    [Fact]
    public async Task TheLeecherStatusSaysWhenPollingFailsAndWhenItWorksAgain()
    {
        await SyncedProjectAsync("LeecherStatus");
        using var gateway = fixture.GatewayClient();
        async Task<JsonElement> Leecher() => await GatewayCalls.ReadOkAsync(await gateway.GetAsync("api/shotgrid/leecher"));

        fixture.ShotGrid.Faults.Down = true;
        JsonElement failing;
        try
        {
            failing = await Eventually.WaitAsync(Leecher, l => l.GetProperty("lastError").ValueKind == JsonValueKind.String, "the leecher to report the outage");
        }
        finally
        {
            fixture.ShotGrid.Faults.Down = false;
        }

        var recovered = await Eventually.WaitAsync(Leecher, l => l.GetProperty("lastError").ValueKind == JsonValueKind.Null, "the leecher to report it polls again");
        Assert.True(failing.GetProperty("running").GetBoolean());
        Assert.Contains("503", failing.GetProperty("lastError").GetString());
        Assert.True(recovered.GetProperty("polls").GetInt64() > failing.GetProperty("polls").GetInt64());
    }

    [Fact]
    public async Task TwoProjectsProgressIndependently()
    {
        var (nameA, projectA, sequenceA) = await SyncedProjectAsync("IndepA");
        var (nameB, projectB, sequenceB) = await SyncedProjectAsync("IndepB");
        fixture.Ayon.Faults.RejectFolderNames = n => n == "sh_refused";
        try
        {
            var refused = CreateShot(projectA, "sh_refused", sequenceA);
            var fine = CreateShot(projectB, "sh_fine", sequenceB);

            await WaitForFolderAsync(nameB, "Shot", fine);
            var statusA = await WaitForCursorAsync(projectA, s => s.GetProperty("failed").GetInt64() >= 1 && s.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "project A to record the refused shot");
            Assert.Equal(1, statusA.GetProperty("failed").GetInt64());
            Assert.Contains(statusA.GetProperty("lastErrors").EnumerateArray(), e => e.GetString()!.Contains("refused"));
            Assert.DoesNotContain(fixture.Ayon.Store.Folders(nameA), f => f.Name == "sh_refused");
            Assert.True(refused > 0);
        }
        finally
        {
            fixture.Ayon.Faults.RejectFolderNames = null;
        }
    }

    [Fact]
    public async Task AChangeToAnEntityAyonDoesNotHaveCreatesIt()
    {
        var name = TestProjects.UniqueName("Change");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);
        var shot = seeded.ShotIds[0];

        Sg.Update("Shot", shot, new() { ["sg_status_list"] = "ip" });

        var folder = await WaitForFolderAsync(name, "Shot", shot);
        Assert.Equal(fixture.Ayon.Store.FolderOf(name, "Sequence", seeded.SequenceIds[0]).Id, folder.ParentId);
    }

    [Fact]
    public async Task ANewPipelineStepBecomesATaskTypeBeforeTasksUsingItArrive()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Step");
        var stepCode = "Roto" + Guid.NewGuid().ToString("N")[..4];
        var step = Sg.Create("Step", new() { ["code"] = stepCode, ["short_name"] = "rto", ["entity_type"] = "Shot" });
        var shot = CreateShot(projectId, "sh_roto", sequence);
        var task = Sg.Create("Task", new() { ["content"] = "roto main", ["project"] = TestProjects.Link("Project", projectId), ["entity"] = TestProjects.Link("Shot", shot), ["step"] = TestProjects.Link("Step", step) });

        var created = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(name).SingleOrDefault(t => TestProjects.Attrib(t.Attrib, "shotgridId") == task.ToString())),
            t => t is not null,
            "the roto task to appear in AYON");

        Assert.Equal(stepCode, created!.TaskType);
        Assert.Contains(stepCode, fixture.Ayon.Store.GetProject(name)!.TaskTypes);
    }

    [Fact]
    public async Task DeactivatingGrainsMidStreamLosesNothingAndDuplicatesNothing()
    {
        var (name, projectId, sequence) = await SyncedProjectAsync("Deactivate");
        var shots = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            shots.Add(CreateShot(projectId, $"sh_stream_{i:000}", sequence));
            if (i % 10 == 5)
            {
                await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(fixture.Site, projectId)));
                await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IShotGridLeecherGrain>(GrainKeys.Leecher(fixture.Site)));
            }
        }

        foreach (var shot in shots)
        {
            await WaitForFolderAsync(name, "Shot", shot);
        }

        await WaitForCursorAsync(projectId, s => s.GetProperty("watermark").GetInt64() >= Sg.NewestEventId, "the cursor to catch up");
        var streamed = fixture.Ayon.Store.Folders(name).Where(f => f.Name.StartsWith("sh_stream_", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, streamed.Count);
        Assert.Equal(30, streamed.Select(f => f.Name).Distinct().Count());
    }

    private long CreateShot(long projectId, string code, long sequence) =>
        Sg.Create("Shot", new() { ["code"] = code, ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });

    private async Task<(string Name, long ProjectId, long Sequence)> SyncedProjectAsync(string stem, int episodes = 0)
    {
        var name = TestProjects.UniqueName(stem);
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: episodes, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(seeded.ProjectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return (name, seeded.ProjectId, seeded.SequenceIds[0]);
    }

    /// <summary>Runs a ShotGrid write outside the caller's late-commit scope (the scope flows with the execution context).</summary>
    private static Task<T> Outside<T>(Func<T> write)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(write);
        }
    }

    private async Task<Emulators.Ayon.EmuFolder> WaitForFolderAsync(string project, string type, long id) =>
        (await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Folders(project).SingleOrDefault(f => TestProjects.Attrib(f.Attrib, "shotgridType") == type && TestProjects.Attrib(f.Attrib, "shotgridId") == id.ToString())),
            f => f is not null,
            $"{type} {id} to appear in AYON project {project}"))!;

    private async Task<JsonElement> StatusAsync(long projectId)
    {
        using var gateway = fixture.GatewayClient();
        return await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
    }

    private async Task<JsonElement> WaitForCursorAsync(long projectId, Func<JsonElement, bool> done, string what) =>
        await Eventually.WaitAsync(async () => (await StatusAsync(projectId)).GetProperty("events"), done, what);
}
