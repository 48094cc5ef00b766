using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

[Collection(SyncCollection.Name)]
public sealed class SyncFromShotGridTests(SyncFixture fixture)
{
    [Fact]
    public async Task FullSyncMirrorsEveryEntityWithTypeParentNameLabelAndShotGridLink()
    {
        var name = TestProjects.UniqueName("Full");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 2, SequencesPerEpisode: 2, ShotsPerSequence: 3, Assets: 5, TasksPerEntity: 2));
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(seeded.ProjectId);

        var store = fixture.Ayon.Store;
        var sg = fixture.ShotGrid.Store;
        var assetTypes = seeded.AssetIds.Select(id => sg.Get("Asset", id)!.TextField("sg_asset_type")).Where(t => t is not null).Distinct().Count();
        var expected = seeded.EpisodeIds.Count + seeded.SequenceIds.Count + seeded.ShotIds.Count + seeded.AssetIds.Count + seeded.TaskIds.Count + assetTypes;
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(expected, job.Count("created"));
        Assert.Equal(expected, job.Count("total"));
        Assert.Equal(0, job.Count("failed"));
        Assert.Equal(expected - seeded.TaskIds.Count, store.Folders(name).Count);
        Assert.Equal(seeded.TaskIds.Count, store.Tasks(name).Count);

        foreach (var id in seeded.EpisodeIds)
        {
            var folder = AssertFolder(name, "Episode", id);
            Assert.Null(folder.ParentId);
        }

        foreach (var id in seeded.SequenceIds)
        {
            var folder = AssertFolder(name, "Sequence", id);
            var episode = sg.Get("Sequence", id)!.LinkField("episode")!;
            Assert.Equal(store.FolderOf(name, "Episode", episode.Id).Id, folder.ParentId);
        }

        foreach (var id in seeded.ShotIds)
        {
            var folder = AssertFolder(name, "Shot", id);
            var sequence = sg.Get("Shot", id)!.LinkField("sg_sequence")!;
            Assert.Equal(store.FolderOf(name, "Sequence", sequence.Id).Id, folder.ParentId);
        }

        foreach (var id in seeded.AssetIds)
        {
            var folder = AssertFolder(name, "Asset", id);
            var assetType = sg.Get("Asset", id)!.TextField("sg_asset_type")!;
            var category = store.Folders(name).Single(f => f.Id == folder.ParentId);
            Assert.Equal("AssetCategory", category.FolderType);
            Assert.Equal(AyonNames.CategoryName(assetType), category.Name);
            Assert.Equal(assetType, category.Label);
            Assert.Null(category.ParentId);
        }

        foreach (var id in seeded.TaskIds)
        {
            var fields = sg.Get("Task", id)!;
            var task = store.TaskOf(name, id);
            Assert.Equal(AyonNames.Slugify(fields.TextField("content")), task.Name);
            Assert.Equal(fields.TextField("content"), task.Label);
            var entity = fields.LinkField("entity")!;
            Assert.Equal(store.FolderOf(name, entity.Type, entity.Id).Id, task.FolderId);
            var step = fields.LinkField("step");
            var stepCode = step is null ? "Generic" : sg.Get("Step", step.Id)!.TextField("code");
            Assert.Equal(stepCode, task.TaskType);
        }
    }

    [Fact]
    public async Task ASecondSyncCreatesNothing()
    {
        var name = TestProjects.UniqueName("Twice");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 1, SequencesPerEpisode: 2, ShotsPerSequence: 2, Assets: 3, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        var first = await gateway.SyncAsync(seeded.ProjectId);
        var folders = fixture.Ayon.Store.Folders(name).Count;
        var tasks = fixture.Ayon.Store.Tasks(name).Count;

        var second = await gateway.SyncAsync(seeded.ProjectId);

        Assert.Equal("succeeded", second.GetProperty("state").GetString());
        Assert.Equal(0, second.Count("created"));
        Assert.Equal(first.Count("total"), second.Count("alreadyPresent"));
        Assert.Equal(folders, fixture.Ayon.Store.Folders(name).Count);
        Assert.Equal(tasks, fixture.Ayon.Store.Tasks(name).Count);
    }

    [Fact]
    public async Task EntitiesAnotherWriterMadeDuringTheSyncCountAsPresentNotAsFailures()
    {
        var name = TestProjects.UniqueName("Race");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 1, SequencesPerEpisode: 1, ShotsPerSequence: 3, Assets: 0, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);
        const int madeByTheOther = 4;

        // The leecher (or an attempt whose answer was lost) writes the first entities of the batch with the same
        // deterministic ids after the sync read AYON and before its batch lands.
        fixture.Ayon.Faults.BeforeNextOperations(name, async body =>
        {
            var early = new System.Text.Json.Nodes.JsonObject
            {
                ["operations"] = new System.Text.Json.Nodes.JsonArray([.. body["operations"]!.AsArray().Take(madeByTheOther).Select(o => o!.DeepClone())]),
                ["canFail"] = false,
            };
            using var other = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
            other.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
            var answer = await other.PostAsync($"api/projects/{name}/operations", new StringContent(early.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            answer.EnsureSuccessStatusCode();
        });

        var job = await gateway.SyncAsync(seeded.ProjectId);

        var expected = seeded.EpisodeIds.Count + seeded.SequenceIds.Count + seeded.ShotIds.Count + seeded.TaskIds.Count;
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"{job}");
        Assert.Equal(0, job.Count("failed"));
        Assert.Equal(madeByTheOther, job.Count("alreadyPresent"));
        Assert.Equal(expected - madeByTheOther, job.Count("created"));
        Assert.Equal(expected - seeded.TaskIds.Count, fixture.Ayon.Store.Folders(name).Count);
        Assert.Equal(seeded.TaskIds.Count, fixture.Ayon.Store.Tasks(name).Count);
    }

    [Fact]
    public async Task ShotsSitDirectlyUnderTheProjectWhenTheirNavchainIsFlat()
    {
        var name = TestProjects.UniqueName("Flat");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "flat");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "__flat__", ["Sequence"] = "__flat__", ["Asset"] = "sg_asset_type" });
        var sequence = sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = TestProjects.Link("Project", projectId) });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Null(fixture.Ayon.Store.FolderOf(name, "Shot", shot).ParentId);
        Assert.Null(fixture.Ayon.Store.FolderOf(name, "Sequence", sequence).ParentId);
    }

    [Fact]
    public async Task SequencesSitUnderTheirEpisodeWhenTheNavchainSaysSo()
    {
        var name = TestProjects.UniqueName("Episodic");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "epi");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Episode"] = "__flat__", ["Sequence"] = "episode", ["Shot"] = "sg_sequence" });
        var episode = sg.Create("Episode", new() { ["code"] = "ep101", ["project"] = TestProjects.Link("Project", projectId) });
        var sequence = sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = TestProjects.Link("Project", projectId), ["episode"] = TestProjects.Link("Episode", episode) });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        using var gateway = fixture.GatewayClient();

        await gateway.SyncAsync(projectId);

        var store = fixture.Ayon.Store;
        Assert.Equal(store.FolderOf(name, "Episode", episode).Id, store.FolderOf(name, "Sequence", sequence).ParentId);
        Assert.Equal(store.FolderOf(name, "Sequence", sequence).Id, store.FolderOf(name, "Shot", shot).ParentId);
        Assert.Equal("ep101/sq010/sh010", store.FolderOf(name, "Shot", shot).Path.Trim('/'));
    }

    [Fact]
    public async Task DuplicateSiblingNamesGetTheShotGridIdAppendedAndAreListed()
    {
        var name = TestProjects.UniqueName("Dupes");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "dupes");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "sg_sequence", ["Sequence"] = "__flat__" });
        var sequence = sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = TestProjects.Link("Project", projectId) });
        var first = sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        var second = sg.Create("Shot", new() { ["code"] = "SH010", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", sequence) });
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(projectId);
        var again = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal("sh010", fixture.Ayon.Store.FolderOf(name, "Shot", first).Name);
        Assert.Equal($"SH010_sg{second}", fixture.Ayon.Store.FolderOf(name, "Shot", second).Name);
        Assert.Contains(job.GetProperty("issues").EnumerateArray(), i => i.GetProperty("kind").GetString() == "renamed" && i.GetProperty("entityId").GetInt64() == second);
        Assert.Equal(0, again.Count("created"));
        Assert.Equal(3, again.Count("alreadyPresent"));
    }

    [Fact]
    public async Task HostileCodesBecomeValidNamesAndLabelsAreKeptReadable()
    {
        var name = TestProjects.UniqueName("Hostile");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "hostile");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "__flat__" });
        var apostrophe = sg.Create("Shot", new() { ["code"] = "Bob's shot; final", ["project"] = TestProjects.Link("Project", projectId) });
        var accents = sg.Create("Shot", new() { ["code"] = "Écran Noir — v2", ["project"] = TestProjects.Link("Project", projectId) });
        var symbols = sg.Create("Shot", new() { ["code"] = "***", ["project"] = TestProjects.Link("Project", projectId) });
        var slashes = sg.Create("Shot", new() { ["code"] = "a/b\\c..d", ["project"] = TestProjects.Link("Project", projectId) });
        using var gateway = fixture.GatewayClient();

        var job = await gateway.SyncAsync(projectId);

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(4, job.Count("created"));
        var store = fixture.Ayon.Store;
        Assert.Equal("Bobs_shot__final", store.FolderOf(name, "Shot", apostrophe).Name);
        Assert.Equal("Bob\u2019s shot, final", store.FolderOf(name, "Shot", apostrophe).Label);
        Assert.Equal("Ecran_Noir____v2", store.FolderOf(name, "Shot", accents).Name);
        Assert.Equal("Écran Noir — v2", store.FolderOf(name, "Shot", accents).Label);
        Assert.Equal($"shot_{symbols}", store.FolderOf(name, "Shot", symbols).Name);
        Assert.Equal("a_b_c__d", store.FolderOf(name, "Shot", slashes).Name);
        Assert.Contains(job.GetProperty("issues").EnumerateArray(), i => i.GetProperty("kind").GetString() == "adjusted" && i.GetProperty("entityId").GetInt64() == apostrophe);
    }

    [Fact]
    public async Task AJobReportsFailureTruthfullyWhenAyonRefusesWrites()
    {
        var name = TestProjects.UniqueName("Refused");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "refused");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "sg_sequence", ["Sequence"] = "__flat__" });
        var good = sg.Create("Sequence", new() { ["code"] = "sq_good", ["project"] = TestProjects.Link("Project", projectId) });
        var bad = sg.Create("Sequence", new() { ["code"] = "sq_refused", ["project"] = TestProjects.Link("Project", projectId) });
        var orphan = sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = TestProjects.Link("Project", projectId), ["sg_sequence"] = TestProjects.Link("Sequence", bad) });
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(projectId);
        fixture.Ayon.Faults.RejectFolderNames = n => n == "sq_refused";
        System.Text.Json.JsonElement job;
        try
        {
            job = await gateway.SyncAsync(projectId);
        }
        finally
        {
            fixture.Ayon.Faults.RejectFolderNames = null;
        }

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal(1, job.Count("created"));
        Assert.Equal(2, job.Count("failed"));
        var issues = job.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "failed").ToList();
        Assert.Contains(issues, i => i.GetProperty("entityId").GetInt64() == bad && i.GetProperty("reason").GetString()!.Contains("AYON refused"));
        Assert.Contains(issues, i => i.GetProperty("entityId").GetInt64() == orphan && i.GetProperty("reason").GetString()!.Contains("parent"));
        Assert.Contains("could not be written", job.GetProperty("error").GetString());
        Assert.NotNull(fixture.Ayon.Store.FolderOf(name, "Sequence", good));
    }

    [Fact]
    public async Task OverrideDifferencesUpdatesWhatChangedWhileCreateOnlyLeavesIt()
    {
        var name = TestProjects.UniqueName("Override");
        var sg = fixture.ShotGrid.Store;
        var projectId = sg.CreateProject(name, code: "override");
        sg.SetNavchains(projectId, new Dictionary<string, string> { ["Shot"] = "__flat__" });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["sg_status_list"] = "wtg", ["project"] = TestProjects.Link("Project", projectId) });
        using var gateway = fixture.GatewayClient();
        await gateway.SyncAsync(projectId);
        var before = fixture.Ayon.Store.FolderOf(name, "Shot", shot);
        sg.Update("Shot", shot, new() { ["code"] = "sh010 take two", ["sg_status_list"] = "ip" });

        var createOnly = await gateway.SyncAsync(projectId);
        var unchanged = fixture.Ayon.Store.FolderOf(name, "Shot", shot);
        var overriding = await gateway.SyncAsync(projectId, overrideDifferences: true);
        var updated = fixture.Ayon.Store.FolderOf(name, "Shot", shot);

        Assert.Equal((0, 0), (createOnly.Count("created"), createOnly.Count("updated")));
        Assert.Equal(("sh010", before.Status), (unchanged.Label, unchanged.Status));
        Assert.Equal(1, overriding.Count("updated"));
        Assert.True(overriding.GetProperty("overrideDifferences").GetBoolean());
        Assert.Equal("sh010 take two", updated.Label);
        Assert.NotEqual(before.Status, updated.Status);
        Assert.Equal("sh010", updated.Name);
        Assert.Equal(before.Id, updated.Id);
    }

    private Emulators.Ayon.EmuFolder AssertFolder(string project, string type, long id)
    {
        var code = fixture.ShotGrid.Store.Get(type, id)!.TextField("code")!;
        var folder = fixture.Ayon.Store.FolderOf(project, type, id);
        Assert.Equal(type, folder.FolderType);
        Assert.Equal(AyonNames.EntityName(code, type, id), folder.Name);
        Assert.Equal(code, folder.Label);
        return folder;
    }
}
