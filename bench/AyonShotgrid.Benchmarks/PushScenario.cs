using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Benchmarks;

/// <summary>What the push scenario measured (issue 19's figures).</summary>
public sealed record PushBenchResult(
    int Entities, int Folders, int Tasks, double BurstSeconds, int ShotGridRequests, double EntitiesPerShotGridRequest,
    int AyonRequests, int Changes, double ChangesPerSecond, double PollIntervalSeconds, double LatencyP50Ms, double LatencyP99Ms,
    double LatencyMaxMs, int ChangesSeen);

/// <summary>
/// The AYON → ShotGrid push at scale: a pushed project gets <c>N</c> folders and tasks in one <c>/operations</c> burst
/// (sequences of 20 shots with 4 tasks each), timed until every one is in ShotGrid and linked back in AYON; then label
/// changes at a steady rate, each timed from the AYON write until ShotGrid shows it.
/// </summary>
public static class PushScenario
{
    private const int ShotsPerSequence = 20;
    private const int TasksPerShot = 4;
    private static readonly string[] TaskTypes = ["Layout", "Animation", "Lighting", "Comp"];

    public static async Task<PushBenchResult> RunAsync(Emulators emulators, ClusterHost cluster, BenchOptions options, CancellationToken ct)
    {
        var sg = emulators.ShotGrid.Store;
        var seeded = ShotGridSeeder.SeedProject(sg, new SeedSpec("Bench Push", 0, 1, 1, 0, 0));
        using var api = new GatewayApi(cluster.GatewayUrl);
        var ayonProject = await api.PrepareAsync(seeded.ProjectId, ct);
        await api.SyncAsync(seeded.ProjectId, ct);
        await api.SetPushAsync(seeded.ProjectId, true, ct);
        using var ayon = new HttpClient { BaseAddress = emulators.Ayon.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        ayon.DefaultRequestHeaders.Add("x-api-key", emulators.Ayon.ApiKey);

        var (operations, shots, folders) = Burst(options.PushEntities);
        emulators.ShotGridLog.Reset(record: false);
        emulators.AyonLog.Reset(record: false);
        var watch = Stopwatch.StartNew();
        using (var sent = await ayon.PostAsJsonAsync($"api/projects/{ayonProject}/operations", new JsonObject { ["operations"] = operations }, ct))
        {
            sent.EnsureSuccessStatusCode();
        }

        var burstIds = operations.Select(o => o!["entityId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        await WaitAsync(() => Linked(emulators, ayonProject, burstIds) >= burstIds.Count, $"{burstIds.Count} AYON entities linked to ShotGrid", ct);
        watch.Stop();
        var sgRequests = emulators.ShotGridLog.Kinds.Where(k => k.Key != FullSyncScenario.LeecherPollKind).Sum(k => k.Value);
        var ayonRequests = emulators.AyonLog.Kinds.Values.Sum();
        Console.WriteLine($"push burst: {operations.Count} entities in ShotGrid and linked in {watch.Elapsed.TotalSeconds:F2} s; {sgRequests} ShotGrid + {ayonRequests} AYON requests");

        var latencies = await ChangesAsync(sg, ayon, emulators, ayonProject, shots, options, ct);
        var sorted = latencies.Order().ToList();
        double Pick(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var changes = (int)(options.PushChangeRate * options.EventDuration.TotalSeconds);
        Console.WriteLine($"push latency at {options.PushChangeRate}/s: p50 {Pick(0.5):F0} ms, p99 {Pick(0.99):F0} ms, max {sorted.LastOrDefault():F0} ms ({sorted.Count} of {changes} seen); poll interval {options.PollInterval.TotalSeconds} s");
        return new PushBenchResult(
            operations.Count, folders, operations.Count - folders, watch.Elapsed.TotalSeconds, sgRequests, (double)operations.Count / Math.Max(1, sgRequests),
            ayonRequests, changes, options.PushChangeRate, options.PollInterval.TotalSeconds, Pick(0.5), Pick(0.99), sorted.LastOrDefault(), sorted.Count);
    }

    /// <summary>Sequences, shots and tasks adding up to about <paramref name="entities"/>, parents before children.</summary>
    private static (JsonArray Operations, List<(string Id, string Name)> Shots, int Folders) Burst(int entities)
    {
        var operations = new JsonArray();
        var shots = new List<(string, string)>();
        var folders = 0;
        for (var s = 0; operations.Count < entities; s++)
        {
            var sequence = Add(operations, "folder", new JsonObject { ["name"] = $"bsq{s:0000}", ["folderType"] = "Sequence" });
            folders++;
            for (var h = 0; h < ShotsPerSequence && operations.Count < entities; h++)
            {
                var name = $"bsh{s:0000}_{h:000}";
                var shot = Add(operations, "folder", new JsonObject { ["name"] = name, ["folderType"] = "Shot", ["parentId"] = sequence });
                shots.Add((shot, name));
                folders++;
                for (var t = 0; t < TasksPerShot && operations.Count < entities; t++)
                {
                    Add(operations, "task", new JsonObject { ["name"] = TaskTypes[t].ToLowerInvariant(), ["taskType"] = TaskTypes[t], ["folderId"] = shot });
                }
            }
        }

        return (operations, shots, folders);
    }

    private static string Add(JsonArray operations, string entityType, JsonObject data)
    {
        var id = Guid.NewGuid().ToString("N");
        operations.Add(new JsonObject { ["type"] = "create", ["entityType"] = entityType, ["entityId"] = id, ["data"] = data });
        return id;
    }

    private static int Linked(Emulators emulators, string project, HashSet<string> ids) =>
        emulators.Ayon.Store.Folders(project).Count(f => ids.Contains(f.Id) && f.Attrib.ContainsKey("shotgridId"))
        + emulators.Ayon.Store.Tasks(project).Count(t => ids.Contains(t.Id) && t.Attrib.ContainsKey("shotgridId"));

    /// <summary>Label changes on the burst's shots at the configured rate; each one's time until ShotGrid's code shows it.</summary>
    private static async Task<List<double>> ChangesAsync(
        ShotGridStore sg, HttpClient ayon, Emulators emulators, string project, List<(string Id, string Name)> shots, BenchOptions options, CancellationToken ct)
    {
        var sgIds = emulators.Ayon.Store.Folders(project).Where(f => f.Attrib.ContainsKey("shotgridId"))
            .ToDictionary(f => f.Id, f => long.Parse(f.Attrib["shotgridId"]!.ToString()!, CultureInfo.InvariantCulture));
        var changes = (int)(options.PushChangeRate * options.EventDuration.TotalSeconds);
        // Sent changes in send order. The watcher looks at the oldest ones only (ShotGrid applies them about in order): a
        // watcher reading every outstanding shot each tick would hold the ShotGrid store's lock more than the push does.
        var pending = new List<(long SgId, string Label, long SentAt)>();
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / options.PushChangeRate);
        var watcher = Task.Run(async () =>
        {
            using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            var end = TimeSpan.FromSeconds(options.EventDuration.TotalSeconds) + options.PollInterval * 3 + TimeSpan.FromSeconds(30);
            while (clock.Elapsed < end && await ticker.WaitForNextTickAsync(ct))
            {
                lock (pending)
                {
                    var misses = 0;
                    for (var i = 0; i < pending.Count && misses < 20; i++)
                    {
                        var (sgId, label, sentAt) = pending[i];
                        if (sg.Get("Shot", sgId)?["code"] as string == label)
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                            pending.RemoveAt(i--);
                        }
                        else
                        {
                            misses++;
                        }
                    }

                    if (pending.Count == 0 && latencies.Count >= changes)
                    {
                        return;
                    }
                }
            }
        }, ct);

        for (var i = 0; i < changes; i++)
        {
            var due = interval * i;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }

            var (id, name) = shots[i % shots.Count];
            var label = $"{name} r{i}";
            var sentAt = Stopwatch.GetTimestamp();
            lock (pending)
            {
                pending.Add((sgIds[id], label, sentAt));
            }

            using var patched = await ayon.PatchAsJsonAsync($"api/projects/{project}/folders/{id}", new JsonObject { ["label"] = label }, ct);
            patched.EnsureSuccessStatusCode();
        }

        await watcher;
        return latencies;
    }

    private static async Task WaitAsync(Func<bool> done, string what, CancellationToken ct)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"waited 5 minutes for {what}");
            }

            await ticker.WaitForNextTickAsync(ct);
        }
    }
}
