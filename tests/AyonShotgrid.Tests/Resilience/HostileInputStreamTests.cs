using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>The hostile corpus through the event path: created or counted as failed, malformed rows counted, the stream never stops.</summary>
[Collection(LeecherCollection.Name)]
public sealed class HostileInputStreamTests(LeecherFixture fixture, ITestOutputHelper output)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task HostileCodesMalformedRowsAndEntitiesDeletedBeforeTheirEventWasReadNeverStopTheStream()
    {
        var (name, seeded, before, project, sequence) = await fixture.SyncedStreamProjectAsync("HostileStream");
        using var gateway = fixture.GatewayClient();

        var shots = new List<(string Code, long Id)>();
        fixture.Ayon.Faults.RejectFolderNames = n => n.Length > 400 && !n.Contains("_sg", StringComparison.Ordinal);
        var rows = HostileCorpus.MalformedRows();
        var deleted = new List<long>();
        for (var i = 0; i < HostileCorpus.AllCodes.Count; i++)
        {
            var code = HostileCorpus.AllCodes[i];
            shots.Add((code, Sg.Create("Shot", new() { ["code"] = code, ["project"] = project, ["sg_sequence"] = sequence })));
            if (i % 16 == 0 && i / 16 < rows.Count)
            {
                var row = rows[i / 16];
                Sg.AppendRawEvent(row.EventType, row.WithProject ? seeded.ProjectId : null, row.Entity, row.Meta);
            }
        }

        foreach (var row in rows.Skip((HostileCorpus.AllCodes.Count + 15) / 16))
        {
            Sg.AppendRawEvent(row.EventType, row.WithProject ? seeded.ProjectId : null, row.Entity, row.Meta);
        }

        using (Sg.BeginLateCommit())
        {
            // Made and deleted before the leecher could read either event: the New event finds nothing to create.
            for (var i = 0; i < 3; i++)
            {
                var gone = Sg.Create("Shot", new() { ["code"] = $"sh_gone_{i}", ["project"] = project, ["sg_sequence"] = sequence });
                Sg.Retire("Shot", gone);
                deleted.Add(gone);
            }
        }

        var control = Sg.Create("Shot", new() { ["code"] = "sh_control_after", ["project"] = project, ["sg_sequence"] = sequence });

        JsonElement after;
        try
        {
            after = await Eventually.WaitAsync(
                () => gateway.ProjectEventsAsync(seeded.ProjectId),
                c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId,
                "the cursor to pass every hostile event",
                TimeSpan.FromSeconds(90));
        }
        finally
        {
            fixture.Ayon.Faults.RejectFolderNames = null;
        }

        var folders = fixture.Ayon.Store.Folders(name).ToDictionary(f => TestProjects.Attrib(f.Attrib, "shotgridId") ?? f.Id);
        var created = 0;
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
        }

        var failed = after.GetProperty("failed").GetInt64() - before.GetProperty("failed").GetInt64();
        var malformed = after.GetProperty("malformed").GetInt64() - before.GetProperty("malformed").GetInt64();
        output.WriteLine($"{shots.Count} hostile shots streamed: {created} created, {failed} failed; {malformed} malformed rows counted; last: {string.Join(" | ", after.GetProperty("malformedEvents").EnumerateArray().TakeLast(3))}");
        Assert.Equal(shots.Count, created + failed);
        Assert.True(failed >= 3, "the refused long names must be counted as failed");
        Assert.Equal(rows.Count, malformed);
        Assert.All(after.GetProperty("malformedEvents").EnumerateArray(), e => Assert.Matches("^event [0-9]+: .+", e.GetString()!));
        Assert.True(folders.ContainsKey(control.ToString()), "the shot after the hostile events must be created");
        Assert.DoesNotContain(deleted, id => folders.ContainsKey(id.ToString()));
        var names = fixture.Ayon.Store.Folders(name).Where(f => f.FolderType == "Shot").Select(f => f.Name.ToLowerInvariant()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
