using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>
/// Wrong-typed fields served over HTTP to the event path: an entity read with one is counted failed and logged naming
/// it and the field; an event row with one is counted malformed naming the event and the field; the cursor moves past
/// them and every well-formed sibling is created.
/// </summary>
[Collection(LeecherCollection.Name)]
public sealed class WrongTypeStreamTests(LeecherFixture fixture, ITestOutputHelper output)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task WrongTypedEntitiesAndEventRowsAreReportedNamingTheFieldAndTheCursorMovesPastThemWithoutLosingTheGoodOnes()
    {
        var (name, seeded, before, project, sequence) = await fixture.SyncedStreamProjectAsync("WrongTypeStream");
        using var gateway = fixture.GatewayClient();

        var entities = new List<(WrongTypeCorpus.EntityCase Case, long Id)>();
        var rows = new List<(WrongTypeCorpus.EventCase Case, long EventId, long ShotId)>();
        var good = new List<long>();

        // ShotGrid does not answer the leecher while the records are made and tampered with: it reads them all as they end up.
        fixture.ShotGrid.Faults.Down = true;
        try
        {
            for (var i = 0; i < WrongTypeCorpus.Entities.Count; i++)
            {
                var c = WrongTypeCorpus.Entities[i];
                long target;
                if (c.EntityType == "Task")
                {
                    var parent = Sg.Create("Shot", new() { ["code"] = $"wt_{i}_parent", ["project"] = project, ["sg_sequence"] = sequence });
                    good.Add(parent);
                    target = Sg.Create("Task", new() { ["content"] = $"wt_{i}", ["project"] = project, ["entity"] = TestProjects.Link("Shot", parent) });
                }
                else
                {
                    target = Sg.Create("Shot", new() { ["code"] = $"wt_{i}", ["project"] = project, ["sg_sequence"] = sequence });
                }

                fixture.ShotGrid.Faults.ReplaceInResponses(c.EntityType, target, c.Field, c.Raw);
                entities.Add((c, target));
                good.Add(Sg.Create("Shot", new() { ["code"] = $"ok_{i}", ["project"] = project, ["sg_sequence"] = sequence }));
            }

            foreach (var c in WrongTypeCorpus.Events(seeded.ProjectId))
            {
                // The shot's New row is the one tampered with; its in-create Change rows still create it.
                var shot = Sg.Create("Shot", new() { ["code"] = $"ev_{rows.Count}", ["project"] = project, ["sg_sequence"] = sequence });
                var created = Sg.Events.Last(e => e.EntityType == "Shot" && e.EntityId == shot && e.EventType == "Shotgun_Shot_New").Id;
                fixture.ShotGrid.Faults.ReplaceInResponses("EventLogEntry", created, c.Field, c.Raw);
                rows.Add((c, created, shot));
                good.Add(shot);
            }
        }
        finally
        {
            fixture.ShotGrid.Faults.Down = false;
        }

        var control = Sg.Create("Shot", new() { ["code"] = "sh_control_after", ["project"] = project, ["sg_sequence"] = sequence });
        good.Add(control);
        JsonElement after;
        try
        {
            after = await Eventually.WaitAsync(
                () => gateway.ProjectEventsAsync(seeded.ProjectId),
                c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId,
                "the cursor to pass every wrong-typed record",
                TimeSpan.FromSeconds(90));
        }
        finally
        {
            fixture.ShotGrid.Faults.Reset();
        }

        var folders = fixture.Ayon.Store.Folders(name).Select(f => TestProjects.Attrib(f.Attrib, "shotgridId")).ToHashSet();
        var tasks = fixture.Ayon.Store.Tasks(name).Select(t => TestProjects.Attrib(t.Attrib, "shotgridId")).ToHashSet();
        var failed = after.GetProperty("failed").GetInt64() - before.GetProperty("failed").GetInt64();
        var malformed = after.GetProperty("malformed").GetInt64() - before.GetProperty("malformed").GetInt64();
        var listed = after.GetProperty("malformedEvents").EnumerateArray().Select(e => e.GetString()!).ToList();
        var logs = fixture.Logs.Lines.ToList();
        output.WriteLine($"{entities.Count} wrong-typed entities, {rows.Count} wrong-typed rows: {failed} failed, {malformed} malformed; e.g. {string.Join(" | ", listed.Take(3))}");

        Assert.Equal(entities.Count, failed);
        foreach (var (c, id) in entities)
        {
            Assert.DoesNotContain(id.ToString(), c.EntityType == "Task" ? tasks : folders);
            var field = c.Field == "id" ? "id is " : $"field '{c.Field}' is ";
            Assert.True(
                logs.Any(l => l.Contains($"{c.EntityType} {id}:", StringComparison.Ordinal) && l.Contains(field, StringComparison.Ordinal)),
                $"no log line names {c.EntityType} {id} and its {c.Field} ({c.Raw?.ToJsonString() ?? "null"})");
        }

        Assert.Equal(rows.Count, malformed);
        foreach (var (c, eventId, _) in rows)
        {
            Assert.Contains(listed, l => l.StartsWith($"event {eventId}: ", StringComparison.Ordinal) && l.Contains($"field '{c.Field}", StringComparison.Ordinal));
        }

        Assert.All(good, id => Assert.Contains(id.ToString(), folders));
    }
}
