using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.ScaleOut.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AyonShotgrid.ScaleOut.Tests;

/// <summary>
/// The event mirror's queue lives in grain storage (PostgreSQL): a cluster stopped while AYON refuses events, with applied
/// events still queued for AYON's event log, mirrors them once started again, each once, and the mirror's reminder brings
/// it back without anyone asking for it.
/// </summary>
public sealed class EventMirrorRestartTests(ITestOutputHelper output) : ScaleOutTest
{
    private const int Shots = 12;

    [Fact]
    public async Task EventsQueuedForAyonWhenTheClusterStopsAreMirroredOnceAfterItStartsAgain()
    {
        var sg = Cluster.ShotGrid.Store;
        var seeded = ShotGridSeeder.SeedProject(sg, new SeedSpec("Mirror Restart", Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        var (gateway, ayonName) = await StartAndPrepareAsync(silos: 1, seeded.ProjectId);
        using var gatewayClient = gateway;

        Cluster.Ayon.Faults.FailNext(1_000_000, 503, pathContains: "/api/events");
        var project = new EntityLink("Project", seeded.ProjectId);
        var sequence = new EntityLink("Sequence", seeded.SequenceIds[0]);
        var shots = Enumerable.Range(0, Shots)
            .Select(i => sg.Create("Shot", new() { ["code"] = $"sh_restart_{i:D2}", ["project"] = project, ["sg_sequence"] = sequence }))
            .ToList();
        var newest = sg.NewestEventId;
        var queued = await Eventually.WaitAsync(
            async () => await ScaleOutCluster.ReadJsonAsync(await gateway.GetAsync($"api/shotgrid/projects/{seeded.ProjectId}")),
            p => p.GetProperty("events").GetProperty("watermark").GetInt64() >= newest
                && p.GetProperty("mirror") is { ValueKind: JsonValueKind.Object } m && m.GetProperty("queued").GetInt32() >= Shots,
            "the shots to be applied and their events queued for AYON's event log",
            Settle,
            Cluster.Diagnose);
        output.WriteLine($"before the stop: {queued.GetProperty("mirror")}");
        Assert.Empty(Mirrored(ayonName));

        // Stop the cluster with the queue full (SIGTERM, as docker stop; a SIGKILLed silo keeps a new one waiting minutes
        // for Orleans to declare it dead, and FailoverTests covers a kill); AYON takes events again while it is down.
        var silo = Assert.Single(Cluster.Silos);
        Assert.True(silo.Stop(TimeSpan.FromSeconds(60)), $"the silo did not stop within 60 s of SIGTERM{Environment.NewLine}{Cluster.Diagnose()}");
        Cluster.Silos.Remove(silo);
        silo.Dispose();
        Cluster.Ayon.Faults.Reset();

        // Started again: nobody asks for the project's status, so only the mirror's reminder can resume the queue.
        Cluster.StartSilo();
        var logged = await Eventually.WaitAsync(
            () => Task.FromResult(Mirrored(ayonName)),
            l => l.Count >= Shots,
            "the queued events to reach AYON's event log after the restart",
            Settle,
            Cluster.Diagnose);

        Assert.Equal(Shots, logged.Count);
        Assert.Equal(shots.Order(), logged.Select(e => e.EntityId).Order());
        Assert.Equal(logged.Count, logged.Select(e => e.SgEventId).Distinct().Count());
        var mirror = await Eventually.WaitAsync(
            async () => (await ScaleOutCluster.ReadJsonAsync(await gateway.GetAsync($"api/shotgrid/projects/{seeded.ProjectId}"))).GetProperty("mirror"),
            m => m.GetProperty("queued").GetInt32() == 0,
            "the mirror's queue to be empty",
            Settle,
            Cluster.Diagnose);
        output.WriteLine($"after the restart: {mirror}");
        Assert.Equal(Shots, mirror.GetProperty("posted").GetInt64() + mirror.GetProperty("alreadyThere").GetInt64());
    }

    private List<(long SgEventId, long EntityId)> Mirrored(string ayonProject) => Cluster.Ayon.Store.Events
        .Where(e => e.Topic == "shotgrid.event" && e.Project == ayonProject)
        .Select(e => (e.Summary["sg_event_id"]!.GetValue<long>(), e.Summary["entityId"]!.GetValue<long>()))
        .ToList();
}
