using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Notes;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// Notes on shots made in ShotGrid at a steady rate while the leecher follows the event log; latency = creation in
/// ShotGrid → the comment exists in AYON, checked every few milliseconds by id (the comment's id is derived from the
/// note and the shot's folder, <see cref="CommentIds"/>).
/// </summary>
public static class NoteStream
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    public static async Task<NoteStreamResult> RunAsync(
        Emulators emulators, long sgProjectId, string ayonProject, NotesSeed.Targets targets, IReadOnlyList<long> users, BenchOptions options, CancellationToken ct)
    {
        var sg = emulators.ShotGrid.Store;
        var site = GrainKeys.Normalize(ClusterHost.Site);
        var pending = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var created = 0;
        var injectDone = false;
        var sg0 = emulators.ShotGrid.RequestCount;
        var ay0 = emulators.Ayon.RequestCount;
        var clock = Stopwatch.StartNew();

        var watcher = Task.Run(async () =>
        {
            using var ticker = new PeriodicTimer(Tick);
            var drainDeadline = TimeSpan.MaxValue;
            while (await ticker.WaitForNextTickAsync(ct))
            {
                var now = clock.ElapsedTicks;
                foreach (var id in emulators.Ayon.Store.ExistingActivityIds(ayonProject, pending.Keys))
                {
                    if (pending.TryRemove(id, out var createdAt))
                    {
                        latencies.Add((now - createdAt) * 1000.0 / Stopwatch.Frequency);
                    }
                }

                if (Volatile.Read(ref injectDone))
                {
                    drainDeadline = drainDeadline == TimeSpan.MaxValue ? clock.Elapsed + DrainLimit : drainDeadline;
                    if (pending.IsEmpty || clock.Elapsed > drainDeadline)
                    {
                        return;
                    }
                }
            }
        }, ct);

        using (var pacer = new PeriodicTimer(Tick))
        {
            var duration = options.NoteDuration.TotalSeconds;
            while (clock.Elapsed.TotalSeconds < duration && await pacer.WaitForNextTickAsync(ct))
            {
                var due = (int)(Math.Min(clock.Elapsed.TotalSeconds, duration) * options.NoteRate);
                for (; created < due; created++)
                {
                    // Every note of the stream on a shot (index 3k: the seed's shot case), so its comment's id is known.
                    var i = created * 3;
                    var note = NotesSeed.CreateNote(sg, sgProjectId, targets, users, i);
                    var folder = AyonIds.For(ClusterHost.Site, ayonProject, NodeKeys.Of("Shot", targets.Shots[i % targets.Shots.Count]));
                    pending[CommentIds.Of(site, NoteReader.Note, note, folder)] = clock.ElapsedTicks;
                }
            }
        }

        Volatile.Write(ref injectDone, true);
        await watcher;
        var sorted = latencies.Order().ToList();
        double P(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
        var result = new NoteStreamResult(
            options.NoteRate, options.NoteDuration.TotalSeconds, options.PollInterval.TotalSeconds, created, sorted.Count, P(0.5), P(0.99),
            sorted.Count == 0 ? double.NaN : sorted[^1], emulators.ShotGrid.RequestCount - sg0, emulators.Ayon.RequestCount - ay0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"note stream: {sorted.Count}/{created} comments visible at {options.NoteRate}/s, latency p50 {result.LatencyP50Ms:F0} p99 {result.LatencyP99Ms:F0} max {result.LatencyMaxMs:F0} ms; {result.ShotGridRequests} SG + {result.AyonRequests} AYON requests"));
        return result;
    }
}
