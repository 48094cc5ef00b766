using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>
/// The mirror of applied ShotGrid events into AYON's event log (issue 16 item 4): every applied event is there once,
/// and AYON refusing events neither slows nor blocks the apply; the mirror catches up once AYON takes them again.
/// </summary>
[Collection(LeecherCollection.Name)]
public sealed class EventMirrorTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task EveryAppliedEventReachesAyonsEventLogExactlyOnce()
    {
        var (name, seeded, _, project, sequence) = await fixture.SyncedStreamProjectAsync("Mirror");
        var shots = Enumerable.Range(0, 6)
            .Select(i => Sg.Create("Shot", new() { ["code"] = $"sh_mirror_{i}", ["project"] = project, ["sg_sequence"] = sequence }))
            .ToList();

        var mirror = await WaitForMirrorAsync(seeded.ProjectId, m => m.GetProperty("queued").GetInt32() == 0 && m.GetProperty("posted").GetInt64() >= shots.Count, "the shots' events to be mirrored");

        // The event that created each shot is in AYON's log once, naming the shot and the AYON folder it made; nothing else
        // of the project is there (the other rows of the same create and the back-reference rows changed nothing in AYON).
        var logged = MirroredEvents(name);
        Assert.Equal(logged.Count, logged.Select(e => e.SgEventId).Distinct().Count());
        foreach (var shot in shots)
        {
            var entry = Assert.Single(logged, e => e.EntityId == shot);
            Assert.Contains(Sg.Events, e => e.Id == entry.SgEventId && e.EntityType == "Shot" && e.EntityId == shot);
            Assert.Equal(fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id, entry.AyonId);
        }

        Assert.Equal(shots.Count, logged.Count);
        Assert.Equal(logged.Count, mirror.GetProperty("posted").GetInt64() + mirror.GetProperty("alreadyThere").GetInt64());
    }

    [Fact]
    public async Task AnAyonThatRefusesEventsNeitherSlowsNorBlocksTheApplyAndTheMirrorCatchesUpAfter()
    {
        var (name, seeded, before, project, sequence) = await fixture.SyncedStreamProjectAsync("MirrorOutage");
        using var gateway = fixture.GatewayClient();
        fixture.Ayon.Faults.FailNext(1_000_000, 503, pathContains: "/api/events");
        List<long> shots;
        try
        {
            shots = Enumerable.Range(0, 5)
                .Select(i => Sg.Create("Shot", new() { ["code"] = $"sh_outage_{i}", ["project"] = project, ["sg_sequence"] = sequence }))
                .ToList();

            // The apply goes on as if the mirror were off: every shot appears and the cursor passes their events while
            // AYON still refuses every event; the mirror keeps them and says it is waiting.
            // No entity's events had to be delivered again: a mirror in the apply path failed the entity's call, which
            // the project reported and retried next poll (and its failures opened AYON's circuit for the creates).
            var applied = await Eventually.WaitAsync(
                () => gateway.ProjectEventsAsync(seeded.ProjectId),
                c => c.GetProperty("watermark").GetInt64() >= Sg.NewestEventId,
                "the cursor to pass the new shots' events while AYON refuses events",
                TimeSpan.FromSeconds(20));
            Assert.All(shots, shot => fixture.Ayon.Store.FolderOf(name, "Shot", shot));
            Assert.Equal(before.GetProperty("applied").GetInt64() + shots.Count, applied.GetProperty("applied").GetInt64());
            Assert.Equal(before.GetProperty("lastErrors").GetRawText(), applied.GetProperty("lastErrors").GetRawText());
            var waiting = await WaitForMirrorAsync(seeded.ProjectId, m => m.GetProperty("lastError").ValueKind == JsonValueKind.String, "the mirror to report AYON's refusal");
            Assert.Equal(shots.Count, waiting.GetProperty("queued").GetInt32());
            Assert.Contains("503", waiting.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Empty(MirroredEvents(name));
        }
        finally
        {
            fixture.Ayon.Faults.Reset();
        }

        var caughtUp = await WaitForMirrorAsync(seeded.ProjectId, m => m.GetProperty("queued").GetInt32() == 0, "the mirror to catch up once AYON takes events again");
        Assert.Equal(JsonValueKind.Null, caughtUp.GetProperty("lastError").ValueKind);
        var logged = MirroredEvents(name);
        Assert.Equal(shots.Count, logged.Count);
        Assert.Equal(shots.Count, logged.Select(e => e.SgEventId).Distinct().Count());
    }

    private List<(long SgEventId, long EntityId, string? AyonId)> MirroredEvents(string project) => fixture.Ayon.Store.Events
        .Where(e => e.Topic == "shotgrid.event" && e.Project == project)
        .Select(e => (e.Summary["sg_event_id"]!.GetValue<long>(), e.Summary["entityId"]!.GetValue<long>(), (string?)e.Payload["ayon_id"]?.GetValue<string>()))
        .ToList();

    private async Task<JsonElement> WaitForMirrorAsync(long projectId, Func<JsonElement, bool> done, string what)
    {
        using var gateway = fixture.GatewayClient();
        return await Eventually.WaitAsync(
            async () => (await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"))).GetProperty("mirror"),
            m => m.ValueKind == JsonValueKind.Object && done(m),
            what,
            TimeSpan.FromSeconds(30));
    }
}
