using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>The hostile corpus through Prepare and the full sync: each case is created with a valid name and its label, or reported.</summary>
[Collection(SyncCollection.Name)]
public sealed class HostileInputSyncTests(SyncFixture fixture, ITestOutputHelper output)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task EveryHostileCodeIsCreatedWithAValidNameAndReadableLabelOrReportedAndNothingElseStops()
    {
        Assert.True(HostileCorpus.CaseCount >= 200, $"the corpus has {HostileCorpus.CaseCount} cases");
        var name = TestProjects.UniqueName("Hostile");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        var project = TestProjects.Link("Project", seeded.ProjectId);
        var sequence = TestProjects.Link("Sequence", seeded.SequenceIds[0]);
        var shots = HostileCorpus.AllCodes.Select(code => (Code: code, Id: Sg.Create("Shot", new() { ["code"] = code, ["project"] = project, ["sg_sequence"] = sequence }))).ToList();
        var tasks = HostileCorpus.HandWritten.Select((code, i) => (Code: code, Id: Sg.Create("Task", new() { ["content"] = code, ["project"] = project, ["entity"] = TestProjects.Link("Shot", shots[i].Id) }))).ToList();
        var control = Sg.Create("Shot", new() { ["code"] = "sh_control", ["project"] = project, ["sg_sequence"] = sequence });
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        // A server with a length limit on names (real ones have limits the emulator does not): the longest are refused.
        fixture.Ayon.Faults.RejectFolderNames = n => n.Length > 400;
        JsonElement job;
        try
        {
            job = await gateway.SyncAsync(seeded.ProjectId);
        }
        finally
        {
            fixture.Ayon.Faults.RejectFolderNames = null;
        }

        var issues = job.GetProperty("issues").EnumerateArray().ToList();
        var reported = issues.Select(i => i.GetProperty("entityId").GetInt64()).ToHashSet();
        var folders = fixture.Ayon.Store.Folders(name).ToDictionary(f => TestProjects.Attrib(f.Attrib, "shotgridId") ?? f.Id);
        var ayonTasks = fixture.Ayon.Store.Tasks(name).ToDictionary(t => TestProjects.Attrib(t.Attrib, "shotgridId") ?? t.Id);
        int created = 0, reportedCount = 0;
        foreach (var (code, id) in shots)
        {
            if (folders.TryGetValue(id.ToString(), out var folder))
            {
                created++;
                Assert.True(AyonNames.IsValidEntityName(folder.Name), $"shot {id} ('{code}') got the invalid AYON name '{folder.Name}'");
                // A blank code leaves nothing to show: the label names the entity instead.
                Assert.Equal(string.IsNullOrWhiteSpace(code) ? folder.Label : AyonNames.Label(code), folder.Label);
                Assert.False(string.IsNullOrWhiteSpace(folder.Label), $"shot {id} ('{code}') has no readable label");
            }
            else
            {
                reportedCount++;
                Assert.True(reported.Contains(id), $"shot {id} ('{code}') is neither in AYON nor reported");
            }
        }

        foreach (var (code, id) in tasks)
        {
            if (ayonTasks.TryGetValue(id.ToString(), out var task))
            {
                Assert.True(AyonNames.IsValidEntityName(task.Name), $"task {id} ('{code}') got the invalid AYON name '{task.Name}'");
            }
            else
            {
                Assert.True(reported.Contains(id), $"task {id} ('{code}') is neither in AYON nor reported");
            }
        }

        output.WriteLine($"{shots.Count} hostile shots + {tasks.Count} tasks: {created} shots created, {reportedCount} reported; job {job.GetProperty("state")}, counts {job.GetProperty("counts")}");
        Assert.True(folders.ContainsKey(control.ToString()), "the control shot must be created whatever its siblings are");
        Assert.True(reportedCount >= 3, "the refused long names must be reported");
        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("reason").GetString())));
        Assert.Equal(job.Count("failed") == 0 ? "succeeded" : "failed", job.GetProperty("state").GetString());
        Assert.Equal(job.Count("total"), job.Count("created") + job.Count("alreadyPresent") + job.Count("skipped") + job.Count("failed"));

        // Siblings that slug alike all exist, side by side, under distinct names.
        var names = fixture.Ayon.Store.Folders(name).Where(f => f.FolderType == "Shot").Select(f => f.Name.ToLowerInvariant()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task ProjectNamesAyonCannotTakeArePreparedUnderAValidNameWithANoteSayingSo()
    {
        foreach (var sgName in HostileCorpus.ProjectNames)
        {
            var id = Sg.CreateProject(sgName);
            using var gateway = fixture.GatewayClient();

            var prepared = await gateway.PrepareAsync(id);

            var ayonName = prepared.GetProperty("ayonProjectName").GetString()!;
            Assert.True(AyonNames.IsValidProjectName(ayonName), $"'{sgName}' became the invalid AYON project name '{ayonName}'");
            Assert.NotNull(fixture.Ayon.Store.GetProject(ayonName));
            Assert.Contains(prepared.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("not a valid AYON project name"));
            output.WriteLine($"'{sgName}' -> '{ayonName}'");
        }
    }
}
