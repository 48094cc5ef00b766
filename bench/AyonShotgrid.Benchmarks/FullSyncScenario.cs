using System.Diagnostics;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Benchmarks;

/// <summary>Seeds a project, prepares it, then times one full sync through the gateway; records the sync's requests.</summary>
public static class FullSyncScenario
{
    public sealed record Outcome(FullSyncResult Result, IReadOnlyList<RecordedRequest> AyonPrepareRequests, IReadOnlyList<RecordedRequest> ShotGridSyncRequests, IReadOnlyList<RecordedRequest> AyonSyncRequests);

    public const string LeecherPollKind = "POST /api/v1/entity/event_log_entries/_search";

    public static async Task<Outcome> RunAsync(Emulators emulators, ClusterHost cluster, int entities, CancellationToken ct)
    {
        var seedWatch = Stopwatch.StartNew();
        var seeded = ShotGridSeeder.SeedProject(emulators.ShotGrid.Store, SeedPlan.For("Bench Full Sync", entities));
        seedWatch.Stop();
        var count = SeedPlan.Count(seeded);
        Console.WriteLine($"seeded {count} entities in {seedWatch.Elapsed.TotalSeconds:F1} s");

        using var api = new GatewayApi(cluster.GatewayUrl);
        emulators.AyonLog.Reset(record: true);
        var prepareWatch = Stopwatch.StartNew();
        await api.PrepareAsync(seeded.ProjectId, ct);
        prepareWatch.Stop();
        var prepareRequests = emulators.AyonLog.Recorded;

        emulators.ShotGridLog.Reset(record: true);
        emulators.AyonLog.Reset(record: true);
        var load = LoadAverage();
        var cpu = CpuMark.Of(cluster);
        var watch = Stopwatch.StartNew();
        var status = await api.SyncAsync(seeded.ProjectId, ct);
        watch.Stop();
        var cpuSpent = cpu.Since(cluster);
        load = $"{load} → {LoadAverage()}";
        emulators.ShotGridLog.Recording = false;
        emulators.AyonLog.Recording = false;

        // Counted from the recordings the floor replays (not from the emulators' counters read a moment apart, which a
        // request arriving in between made differ by one). The leecher polls the event log the whole time; those
        // requests are its own, not the sync's, and are reported apart.
        var recordedSg = emulators.ShotGridLog.Recorded;
        var leecherSg = recordedSg.Count(r => r.Kind == LeecherPollKind);
        var sg = recordedSg.Count - leecherSg;
        var ay = emulators.AyonLog.Recorded.Count;
        var counts = status.GetProperty("counts");
        Console.WriteLine($"full sync: {status.GetProperty("state").GetString()} in {watch.Elapsed.TotalSeconds:F2} s, {counts}, {sg} SG (+ {leecherSg} leecher polls) + {ay} AYON requests; CPU: cluster {cpuSpent.Cluster:F1} s, emulators {cpuSpent.Emulators:F1} s; load average {load}");
        var phases = PhasesOf(api);
        Console.WriteLine($"full sync phases: {Describe(phases)}");
        var syncSgRequests = recordedSg.Where(r => r.Kind != LeecherPollKind).ToList();
        var ayonSyncRequests = emulators.AyonLog.Recorded;
        // The peaks of the full sync itself, before the second sync adds its own.
        var clusterPeak = cluster.PeakRssBytes();
        var benchPeak = ProcessMemory.PeakRssBytes(Environment.ProcessId);
        var second = await SecondSyncAsync(emulators, cluster, api, seeded.ProjectId, ct);
        var result = new FullSyncResult(
            count,
            new Dictionary<string, int>
            {
                ["Episode"] = seeded.EpisodeIds.Count, ["Sequence"] = seeded.SequenceIds.Count, ["Shot"] = seeded.ShotIds.Count,
                ["Asset"] = seeded.AssetIds.Count, ["Task"] = seeded.TaskIds.Count,
            },
            status.GetProperty("state").GetString() ?? "?",
            counts.GetProperty("created").GetInt32(),
            counts.GetProperty("alreadyPresent").GetInt32(),
            counts.GetProperty("failed").GetInt32(),
            seedWatch.Elapsed.TotalSeconds,
            prepareWatch.Elapsed.TotalSeconds,
            watch.Elapsed.TotalSeconds,
            count / watch.Elapsed.TotalSeconds,
            sg,
            leecherSg,
            ay,
            (double)count / Math.Max(1, sg),
            (double)count / Math.Max(1, ay),
            clusterPeak,
            benchPeak,
            KindsOf(recordedSg),
            KindsOf(ayonSyncRequests),
            phases,
            second,
            cpuSpent,
            load);
        return new Outcome(result, prepareRequests, syncSgRequests, ayonSyncRequests);
    }

    /// <summary>The same sync again: everything is present, so its time is reading both sides and comparing.</summary>
    private static async Task<SecondSyncResult> SecondSyncAsync(Emulators emulators, ClusterHost cluster, GatewayApi api, long projectId, CancellationToken ct)
    {
        emulators.ShotGridLog.Reset(record: false);
        emulators.AyonLog.Reset(record: false);
        api.Phases.Clear();
        var cpu = CpuMark.Of(cluster);
        var watch = Stopwatch.StartNew();
        var status = await api.SyncAsync(projectId, ct);
        watch.Stop();
        var cpuSpent = cpu.Since(cluster);
        var sgKinds = emulators.ShotGridLog.Kinds;
        var sg = sgKinds.Where(k => k.Key != LeecherPollKind).Sum(k => k.Value);
        var ay = emulators.AyonLog.Kinds.Values.Sum();
        var counts = status.GetProperty("counts");
        var phases = PhasesOf(api);
        Console.WriteLine($"second sync: {status.GetProperty("state").GetString()} in {watch.Elapsed.TotalSeconds:F2} s, {counts}, {sg} SG + {ay} AYON requests; CPU: cluster {cpuSpent.Cluster:F1} s, emulators {cpuSpent.Emulators:F1} s; phases: {Describe(phases)}");
        return new SecondSyncResult(
            status.GetProperty("state").GetString() ?? "?",
            counts.GetProperty("created").GetInt32(),
            counts.GetProperty("alreadyPresent").GetInt32(),
            watch.Elapsed.TotalSeconds,
            sg,
            ay,
            phases,
            cpuSpent);
    }

    /// <summary>The 1-minute load average of the machine (Linux), for reading the figures of a shared machine.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>Processor time of both processes at one moment.</summary>
    private sealed record CpuMark(TimeSpan Cluster, TimeSpan Emulators)
    {
        public static CpuMark Of(ClusterHost cluster) => new(cluster.ProcessorTime(), Process.GetCurrentProcess().TotalProcessorTime);

        /// <summary>What was spent since; in-process, the cluster's time is the emulators' too and is not split.</summary>
        public CpuSeconds Since(ClusterHost cluster)
        {
            var now = Of(cluster);
            var clusterSpent = (now.Cluster - Cluster).TotalSeconds;
            var emulatorsSpent = (now.Emulators - Emulators).TotalSeconds;
            return Math.Abs(clusterSpent - emulatorsSpent) < 1e-9 ? new(clusterSpent, 0) : new(clusterSpent, emulatorsSpent);
        }
    }

    private static List<PhaseMark> PhasesOf(GatewayApi api) => [.. api.Phases.Select(p => new PhaseMark(Math.Round(p.At, 2), p.Phase))];

    public static string Describe(IEnumerable<PhaseMark> phases) =>
        string.Join("; ", phases.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.AtSeconds:F1} s {p.Phase}")));

    private static SortedDictionary<string, int> KindsOf(IEnumerable<RecordedRequest> requests) =>
        new(requests.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
