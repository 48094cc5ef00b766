using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// Shots created in ShotGrid for a set time, paced so the event log grows at a set rate of EventLogEntry rows (each
/// create writes a New row and a Change row per field set, as ShotGrid does), while the leecher follows the log;
/// lag = creation in ShotGrid → the folder exists in AYON, checked every few milliseconds by id (the id the leecher
/// gives it is deterministic). The applied rate is measured from the first shot visible to the last.
/// </summary>
public static class EventStreamScenario
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    /// <summary>After the last shot, how long the stream may take to drain before the run reports what is missing.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(90);

    public static async Task<EventStreamResult> RunAsync(Emulators emulators, ClusterHost cluster, BenchOptions options, CancellationToken ct)
    {
        var store = emulators.ShotGrid.Store;
        var seeded = ShotGridSeeder.SeedProject(store, new SeedSpec("Bench Event Stream", Episodes: 0, SequencesPerEpisode: 4, ShotsPerSequence: 2, Assets: 0, TasksPerEntity: 0));
        using var api = new GatewayApi(cluster.GatewayUrl);
        var ayonProject = await api.PrepareAsync(seeded.ProjectId, ct);
        await api.SyncAsync(seeded.ProjectId, ct);

        var project = new EntityLink("Project", seeded.ProjectId);
        var sequences = seeded.SequenceIds.Select(id => new EntityLink("Sequence", id)).ToArray();
        var pending = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var lags = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        long lastSeenTicks = 0;
        long firstSeenTicks = 0;

        emulators.ShotGridLog.Reset(record: false);
        emulators.AyonLog.Reset(record: false);
        var sg0 = emulators.ShotGrid.RequestCount;
        var ay0 = emulators.Ayon.RequestCount;
        var event0 = store.NewestEventId;
        var injected = 0;
        var injectDone = false;

        var watcher = Task.Run(async () =>
        {
            using var ticker = new PeriodicTimer(Tick);
            var drainDeadline = long.MaxValue;
            while (await ticker.WaitForNextTickAsync(ct))
            {
                var found = emulators.Ayon.Store.ExistingFolderIds(ayonProject, pending.Keys);
                var now = clock.ElapsedTicks;
                foreach (var id in found)
                {
                    if (pending.TryRemove(id, out var createdAt))
                    {
                        lags.Add((now - createdAt) * 1000.0 / Stopwatch.Frequency);
                        if (firstSeenTicks == 0)
                        {
                            firstSeenTicks = now;
                        }

                        lastSeenTicks = now;
                    }
                }

                if (Volatile.Read(ref injectDone))
                {
                    drainDeadline = Math.Min(drainDeadline, now + (long)(DrainLimit.TotalSeconds * Stopwatch.Frequency));
                    if (pending.IsEmpty || now > drainDeadline)
                    {
                        return;
                    }
                }
            }
        }, ct);

        using (var pacer = new PeriodicTimer(Tick))
        {
            var duration = options.EventDuration.TotalSeconds;
            while (clock.Elapsed.TotalSeconds < duration && await pacer.WaitForNextTickAsync(ct))
            {
                var dueRows = (long)(Math.Min(clock.Elapsed.TotalSeconds, duration) * options.EventRate);
                // The log is read once a tick (it takes the store's lock, which the cluster's queries need too); a create
                // writes about the same number of rows each time, so the rest of the tick's shots are counted ahead.
                var written = store.NewestEventId - event0;
                var perShot = injected == 0 ? 1 : Math.Max(1, written / injected);
                for (; written < dueRows; injected++, written += perShot)
                {
                    var id = store.Create("Shot", new()
                    {
                        ["project"] = project, ["code"] = $"stream{injected:D6}", ["sg_sequence"] = sequences[injected % sequences.Length],
                    });
                    pending[AyonIds.For(ClusterHost.Site, ayonProject, NodeKeys.Of("Shot", id))] = clock.ElapsedTicks;
                }
            }
        }

        var injectSeconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref injectDone, true);
        await watcher;

        var ayonRequests = emulators.Ayon.RequestCount - ay0;
        var mirror = await MirrorOutcomeAsync(emulators, ayonProject, lags.Count, options, clock, lastSeenTicks, ct);
        var sorted = lags.Order().ToList();
        double P(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
        var allVisible = lastSeenTicks * 1.0 / Stopwatch.Frequency;
        var rows = store.NewestEventId - event0;
        var rowsPerShot = injected == 0 ? 0 : (double)rows / injected;
        var window = Math.Max((lastSeenTicks - firstSeenTicks) * 1.0 / Stopwatch.Frequency, 1e-9);
        // Rows of the shots after the first visible one, over the time from first to last visible: the sustained rate.
        var appliedRows = Math.Max(0, sorted.Count - 1) * rowsPerShot / window;
        var result = new EventStreamResult(
            options.EventRate,
            options.EventDuration.TotalSeconds,
            options.PollInterval.TotalSeconds,
            injected,
            rows,
            sorted.Count,
            injectSeconds,
            allVisible,
            appliedRows,
            appliedRows / Math.Max(rowsPerShot, 1e-9),
            P(0.50),
            P(0.95),
            P(0.99),
            sorted.Count == 0 ? double.NaN : sorted[^1],
            emulators.ShotGrid.RequestCount - sg0,
            ayonRequests,
            emulators.AyonLog.Kinds,
            mirror);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event stream: {sorted.Count}/{injected} shots visible ({rows} event rows), {result.AppliedPerSecond:F0} events/s ({result.AppliedShotsPerSecond:F0} shots/s), lag p50 {result.LagP50Ms:F0} p95 {result.LagP95Ms:F0} p99 {result.LagP99Ms:F0} ms; {result.ShotGridRequests} SG + {result.AyonRequests} AYON requests"));
        if (mirror is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"event mirror: {mirror.Entries}/{mirror.Expected} entries in AYON's event log, complete {mirror.CaughtUpAfterLastVisibleSeconds:F1} s after the last shot was visible"));
        }

        return result;
    }

    /// <summary>Waits (up to the drain limit) for AYON's event log to hold the creating event of every visible shot.</summary>
    private static async Task<EventMirrorResult?> MirrorOutcomeAsync(
        Emulators emulators, string ayonProject, int expected, BenchOptions options, Stopwatch clock, long lastSeenTicks, CancellationToken ct)
    {
        if (options.Settings.TryGetValue("Sync:MirrorEventsToAyon", out var on) && !bool.Parse(on))
        {
            return null;
        }

        int Entries() => emulators.Ayon.Store.Events.Count(e => e.Topic == "shotgrid.event" && e.Project == ayonProject);
        var deadline = clock.Elapsed + DrainLimit;
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var entries = Entries();
        while (entries < expected && clock.Elapsed < deadline && await ticker.WaitForNextTickAsync(ct))
        {
            entries = Entries();
        }

        return new EventMirrorResult(entries, expected, Math.Max(0, clock.Elapsed.TotalSeconds - (lastSeenTicks * 1.0 / Stopwatch.Frequency)));
    }
}
