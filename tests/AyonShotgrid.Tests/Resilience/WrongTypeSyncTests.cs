using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>Wrong-typed fields served over HTTP to the full sync: each entity reported naming itself and the field, every well-formed sibling created.</summary>
[Collection(SyncCollection.Name)]
public sealed class WrongTypeSyncTests(SyncFixture fixture, ITestOutputHelper output)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task EveryWrongTypedFieldFailsItsEntityNamingTheFieldAndEveryWellFormedSiblingIsCreated()
    {
        var name = TestProjects.UniqueName("WrongTypes");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        var project = TestProjects.Link("Project", seeded.ProjectId);
        var sequence = TestProjects.Link("Sequence", seeded.SequenceIds[0]);
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        var cases = WrongTypeCorpus.Entities.Select((c, i) => Seed(c, i, project, sequence)).ToList();
        var siblings = cases.Select((_, i) => Sg.Create("Shot", new() { ["code"] = $"ok_{i}", ["project"] = project, ["sg_sequence"] = sequence })).ToList();
        JsonElement job;
        try
        {
            job = await gateway.SyncAsync(seeded.ProjectId);
        }
        finally
        {
            fixture.ShotGrid.Faults.Reset();
        }

        var failed = job.IssuesOf("failed");
        var folders = fixture.Ayon.Store.Folders(name).Select(f => TestProjects.Attrib(f.Attrib, "shotgridId")).ToHashSet();
        var tasks = fixture.Ayon.Store.Tasks(name).Select(t => TestProjects.Attrib(t.Attrib, "shotgridId")).ToHashSet();
        output.WriteLine($"{cases.Count} wrong-typed entities: job {job.GetProperty("state")}, counts {job.GetProperty("counts")}; e.g. {string.Join(" | ", failed.Take(3).Select(f => f.Reason))}");
        foreach (var c in cases)
        {
            // An entity whose id is not an id cannot be named by it: the report names it by its code.
            var report = c.Case.Field == "id"
                ? failed.SingleOrDefault(f => f.Reason.Contains($"Shot '{c.Code}'", StringComparison.Ordinal))
                : failed.SingleOrDefault(f => f.EntityId == c.Id);
            Assert.True(report.Reason is not null, $"{c.Case.EntityType} {c.Id} ({c.Case.Field} = {c.Case.Raw?.ToJsonString() ?? "null"}) is not reported as failed");
            Assert.Contains(c.Case.Field == "id" ? "id is " : $"field '{c.Case.Field}' is ", report.Reason);
            Assert.DoesNotContain((c.Case.EntityType == "Task" ? tasks : folders), id => id == c.Id.ToString());
            if (c.ParentId is { } parent)
            {
                Assert.Contains(parent.ToString(), folders);
            }

            if (c.ChildTaskId is { } child)
            {
                Assert.Contains(job.IssuesOf("skipped"), s => s.EntityId == child && s.Reason.Contains("could not be read from ShotGrid"));
            }
        }

        Assert.All(siblings, id => Assert.Contains(id.ToString(), folders));
        Assert.Equal(cases.Count, job.Count("failed"));
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("could not be written to AYON (refused by AYON, or unreadable in ShotGrid)", job.GetProperty("error").GetString());
        Assert.Equal(job.Count("total"), job.Count("created") + job.Count("alreadyPresent") + job.Count("skipped") + job.Count("failed"));
    }

    private Seeded Seed(WrongTypeCorpus.EntityCase c, int i, EntityLink project, EntityLink sequence)
    {
        var code = $"wt_{i}";
        if (c.EntityType == "Task")
        {
            var parent = Sg.Create("Shot", new() { ["code"] = $"{code}_parent", ["project"] = project, ["sg_sequence"] = sequence });
            var task = Sg.Create("Task", new() { ["content"] = code, ["project"] = project, ["entity"] = TestProjects.Link("Shot", parent) });
            fixture.ShotGrid.Faults.ReplaceInResponses("Task", task, c.Field, c.Raw);
            return new Seeded(c, task, code, parent, null);
        }

        var shot = Sg.Create("Shot", new() { ["code"] = code, ["project"] = project, ["sg_sequence"] = sequence });
        var child = Sg.Create("Task", new() { ["content"] = $"{code}_task", ["project"] = project, ["entity"] = TestProjects.Link("Shot", shot) });
        fixture.ShotGrid.Faults.ReplaceInResponses("Shot", shot, c.Field, c.Raw);
        return new Seeded(c, shot, code, null, c.Field == "id" ? null : child);
    }

    private sealed record Seeded(WrongTypeCorpus.EntityCase Case, long Id, string Code, long? ParentId, long? ChildTaskId);
}
