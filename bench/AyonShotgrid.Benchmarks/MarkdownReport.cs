using System.Globalization;
using System.Text;

namespace AyonShotgrid.Benchmarks;

/// <summary>The run as Markdown tables, each figure next to its target (docs/benchmarks.md keeps the latest).</summary>
public static class MarkdownReport
{
    public static string Render(BenchResult r)
    {
        var s = r.FullSync;
        var f = r.Floor;
        var e = r.EventStream;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"Run {r.StartedAtUtc}: `{r.Command}`; {r.Machine}; storage {r.Storage}; cluster in {r.ClusterPlacement}; {r.GcMode}.");
        md.AppendLine();
        Line($"**Latency** the emulators add: {r.Latency}.");
        md.AppendLine();
        Line($"**Full sync** of {s.Entities} entities ({string.Join(", ", s.EntitiesByType.Select(kv => $"{kv.Value} {kv.Key}"))}): job {s.JobState}, {s.Created} created, {s.AlreadyPresent} present, {s.Failed} failed. Prepare took {s.PrepareSeconds:F2} s (not in the sync figures).");
        md.AppendLine();
        md.AppendLine("| Measure | Value | Target | |");
        md.AppendLine("|---|---:|---:|---|");
        var cloud = !r.Latency.IsNone;
        Row(md, "Full sync wall time", $"{s.WallSeconds:F2} s", cloud ? "≤ 20 s (cloud, 100k)" : "", cloud ? s.WallSeconds <= 20 : null);
        Row(md, "Second sync (nothing to do)", $"{s.SecondSync.WallSeconds:F2} s ({s.SecondSync.JobState}, {s.SecondSync.Created} created; {s.SecondSync.ShotGridRequests} SG + {s.SecondSync.AyonRequests} AYON requests)", cloud ? "≤ 10 s (cloud, 100k)" : "", cloud ? s.SecondSync.WallSeconds <= 10 : null);
        Row(md, "Entities/s", $"{s.EntitiesPerSecond:F0}", "≥ 5000 (at 100k)", s.EntitiesPerSecond >= 5000);
        Row(md, "ShotGrid requests of the sync", $"{s.ShotGridRequests} (1 per {s.EntitiesPerShotGridRequest:F0} entities)", "≤ 1 per 400", s.EntitiesPerShotGridRequest >= 400);
        Row(md, "ShotGrid requests of the leecher meanwhile (event-log polls, not in the figure above)", $"{s.LeecherShotGridRequests}", "", null);
        Row(md, "AYON requests", $"{s.AyonRequests} (1 per {s.EntitiesPerAyonRequest:F0} entities)", "≤ 1 per 200", s.EntitiesPerAyonRequest >= 200);
        Row(md, "Request floor (same requests, bare, one by one, no injected latency)", $"{f.FloorSeconds:F2} s (SG {f.ShotGridSeconds:F2} s + AYON {f.AyonSeconds:F2} s)", "", null);
        Row(md, "Sync / floor", $"{f.SyncToFloorRatio:F2}×", cloud ? "(not judged under latency)" : "≤ 1.5×", cloud ? null : f.SyncToFloorRatio <= 1.5);
        Row(md, "Peak RSS, cluster process", Mb(s.ClusterPeakRssBytes), "≤ 400 MB", s.ClusterPeakRssBytes <= 400L * 1024 * 1024);
        Row(md, "Peak RSS, benchmark process (emulators + data)", Mb(s.BenchProcessPeakRssBytes), "", null);
        md.AppendLine();
        Line($"Phases of the full sync (job's phase, first seen at): {FullSyncScenario.Describe(s.Phases)}. Second sync: {FullSyncScenario.Describe(s.SecondSync.Phases)}.");
        Line($"Processor time (user + system) of the full sync: cluster {s.Cpu.Cluster:F1} s, emulators {s.Cpu.Emulators:F1} s; of the second sync: cluster {s.SecondSync.Cpu.Cluster:F1} s, emulators {s.SecondSync.Cpu.Emulators:F1} s. Load average (1 min) before → after the full sync: {s.LoadAverage}.");
        md.AppendLine();
        Line($"**Event stream**: {e.ShotGridEventRows} ShotGrid events (EventLogEntry rows) at {e.TargetRate:F0}/s for {e.DurationSeconds:F0} s: {e.ShotsCreated} shots created ({(double)e.ShotGridEventRows / Math.Max(1, e.ShotsCreated):F1} rows each), Sync:PollInterval {e.PollIntervalSeconds:F2} s.");
        md.AppendLine();
        md.AppendLine("| Measure | Value | Target | |");
        md.AppendLine("|---|---:|---:|---|");
        Row(md, "Visible in AYON", $"{e.VisibleInAyon} of {e.ShotsCreated}", "all", e.VisibleInAyon == e.ShotsCreated);
        Row(md, "Applied events/s (sustained, first to last shot visible)", $"{e.AppliedPerSecond:F0} ({e.AppliedShotsPerSecond:F0} shots/s)", "≥ 2000", e.AppliedPerSecond >= 2000);
        Row(md, "Lag p50 / p95", $"{e.LagP50Ms:F0} / {e.LagP95Ms:F0} ms", "", null);
        // Under latency the target allows one ShotGrid and one AYON round trip more (issue 20).
        var lagTarget = (e.PollIntervalSeconds * 1000) + 250 + r.Latency.ShotGridRequestMs + r.Latency.AyonRequestMs;
        Row(md, "Lag p99", $"{e.LagP99Ms:F0} ms", $"≤ {lagTarget:F0} ms", e.LagP99Ms <= lagTarget);
        Row(md, "Lag max", $"{e.LagMaxMs:F0} ms", "", null);
        Row(md, "Requests during the stream", $"{e.ShotGridRequests} SG, {e.AyonRequests} AYON", "", null);
        if (e.Mirror is { } m)
        {
            Row(md, "Event mirror: entries in AYON's event log", $"{m.Entries} of {m.Expected}, complete {m.CaughtUpAfterLastVisibleSeconds:F1} s after the last shot", "all", m.Entries >= m.Expected);
        }
        md.AppendLine();
        Line($"Requests by kind — full sync, ShotGrid: {Kinds(s.ShotGridRequestKinds)}; AYON: {Kinds(s.AyonRequestKinds)}. Event stream, AYON: {Kinds(e.AyonRequestKinds)}.");
        return md.ToString();
    }

    internal static void Row(StringBuilder md, string measure, string value, string target, bool? met) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {value} | {target} | {(met is null ? "" : met.Value ? "met" : "**missed**")} |");

    internal static string Kinds(IReadOnlyDictionary<string, int> kinds) => string.Join(", ", kinds.Select(k => $"`{k.Key}` {k.Value}"));

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");
}
