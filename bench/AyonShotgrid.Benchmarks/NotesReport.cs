using System.Globalization;
using System.Text;

namespace AyonShotgrid.Benchmarks;

/// <summary>The notes scenario's Markdown summary, judged against issue 22's figures.</summary>
public static class NotesReport
{
    public static string Render(NotesBenchResult r)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var (s, e) = (r.Step, r.Stream);
        Line($"# Notes benchmark ({r.StartedAtUtc})");
        md.AppendLine();
        Line($"`{r.Command}` — storage {r.Storage}, load average (1 min) {r.LoadAverage}.");
        md.AppendLine();
        Line($"**Full sync's notes step**: {s.Notes} ShotGrid notes + {s.Replies} replies on {s.Shots} shots, {s.Tasks} tasks and {s.Versions} versions (seeded in {s.SeedSeconds:F1} s); job {s.JobState}, whole sync {s.SyncWallSeconds:F2} s.");
        md.AppendLine();
        md.AppendLine("| Measure | Value | Target | |");
        md.AppendLine("|---|---:|---:|---|");
        MarkdownReport.Row(md, "Notes step wall time", $"{s.StepSeconds:F2} s ({s.NotesPerSecond:F0} notes/s)", "≤ 30 s at 10,000", s.Notes >= 10_000 ? s.StepSeconds <= 30 : null);
        MarkdownReport.Row(md, "Comments in AYON", $"{s.CommentsInAyon} of {s.CommentsExpected}", "all", s.CommentsInAyon == s.CommentsExpected);
        MarkdownReport.Row(md, "ShotGrid requests of the step", $"{s.ShotGridRequests} (1 per {s.NotesPerShotGridRequest:F0} notes)", "≤ 1 per 200", s.NotesPerShotGridRequest >= 200);
        MarkdownReport.Row(md, "AYON requests of the step", $"{s.AyonRequests}", "", null);
        md.AppendLine();
        Line($"Requests by kind — ShotGrid: {MarkdownReport.Kinds(s.ShotGridRequestKinds)}; AYON: {MarkdownReport.Kinds(s.AyonRequestKinds)}.");
        md.AppendLine();
        Line($"**Notes made live**: {e.NotesCreated} notes at {e.TargetRate:F0}/s for {e.DurationSeconds:F0} s, Sync:PollInterval {e.PollIntervalSeconds:F2} s.");
        md.AppendLine();
        md.AppendLine("| Measure | Value | Target | |");
        md.AppendLine("|---|---:|---:|---|");
        MarkdownReport.Row(md, "Visible in AYON", $"{e.VisibleInAyon} of {e.NotesCreated}", "all", e.VisibleInAyon == e.NotesCreated);
        MarkdownReport.Row(md, "Latency p50", $"{e.LatencyP50Ms:F0} ms", "", null);
        var target = (e.PollIntervalSeconds * 1000) + 250;
        MarkdownReport.Row(md, "Latency p99", $"{e.LatencyP99Ms:F0} ms", $"≤ {target:F0} ms", e.LatencyP99Ms <= target);
        MarkdownReport.Row(md, "Latency max", $"{e.LatencyMaxMs:F0} ms", "", null);
        MarkdownReport.Row(md, "Requests meanwhile", $"{e.ShotGridRequests} SG, {e.AyonRequests} AYON", "", null);
        return md.ToString();
    }
}
