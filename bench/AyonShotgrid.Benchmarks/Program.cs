using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AyonShotgrid.Demo;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Benchmarks;

/// <summary>End-to-end benchmark over loopback HTTP: full sync, no-op resync, leecher throughput/latency, idle request floor.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var output = args.Length > 0 ? args[0] : "bench-results.md";
        var report = new StringBuilder();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = cts.Token;

        report.AppendLine("### Scenario 1 — full sync via the gateway (prepare, sync, wait for the job)").AppendLine();
        report.AppendLine("| Project | Entities | Wall time | Entities/s | SG requests | AYON requests | SG req/entity | AYON req/entity | Est. at 330 ms/SG + 20 ms/AYON | Peak WS | GC heap after | Total GC pause |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        await using (var cluster = await BenchCluster.StartAsync(TimeSpan.FromSeconds(2), ct))
        {
            var small = ShotGridSeeder.SeedProject(cluster.ShotGrid.Store, new SeedSpec("Bench Small", Episodes: 2, SequencesPerEpisode: 5, ShotsPerSequence: 20, Assets: 50, TasksPerEntity: 3));
            var big = ShotGridSeeder.SeedProject(cluster.ShotGrid.Store, new SeedSpec("Bench Big", Episodes: 5, SequencesPerEpisode: 10, ShotsPerSequence: 40, Assets: 400, TasksPerEntity: 3));
            await FullSyncRowAsync(cluster, "~1k (first sync)", small, report, ct);
            await FullSyncRowAsync(cluster, "~10k (first sync)", big, report, ct);
            await FullSyncRowAsync(cluster, "~10k (second, no-op)", big, report, ct);
        }

        report.AppendLine().AppendLine("### Scenario 2 — leecher: 2000 shots created in ShotGrid as fast as possible").AppendLine();
        report.AppendLine("| Poll interval | Shots | Create burst | All in AYON after | Events/s (shots) | p50 | p95 | max | SG requests | AYON requests |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var interval in new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5) })
        {
            await using var cluster = await BenchCluster.StartAsync(interval, ct);
            await LeecherRowAsync(cluster, interval, 2000, report, ct);
        }

        report.AppendLine().AppendLine("### Scenario 3 — idle request floor (10 poll intervals, no events, Sync:PollInterval 0.5 s)").AppendLine();
        report.AppendLine("| Linked projects | Poll intervals | SG requests | SG requests / interval | AYON requests |");
        report.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var projects in new[] { 1, 20 })
        {
            await using var cluster = await BenchCluster.StartAsync(TimeSpan.FromSeconds(0.5), ct);
            await IdleRowAsync(cluster, projects, TimeSpan.FromSeconds(0.5), report, ct);
        }

        var gc = GC.GetGCMemoryInfo();
        report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Process totals: peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}, GC heap now {Mb(GC.GetTotalMemory(false))}, last GC heap size {Mb(gc.HeapSizeBytes)}, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}.");
        await File.WriteAllTextAsync(output, report.ToString(), ct);
        Console.WriteLine(report);
        return 0;
    }

    private static async Task FullSyncRowAsync(DemoCluster cluster, string label, SeededProject project, StringBuilder report, CancellationToken ct)
    {
        var entities = project.EpisodeIds.Count + project.SequenceIds.Count + project.ShotIds.Count + project.AssetIds.Count + project.TaskIds.Count;
        var sg0 = cluster.ShotGrid.RequestCount;
        var ay0 = cluster.Ayon.RequestCount;
        var pause0 = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        using var http = Gateway(cluster);
        await PostAsync(http, $"api/shotgrid/projects/{project.ProjectId}/prepare", null, ct);
        var job = await PostAsync(http, $"api/shotgrid/projects/{project.ProjectId}/sync", new { requestedBy = "bench" }, ct);
        var statusUrl = job.GetProperty("statusUrl").GetString()!.TrimStart('/');
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        JsonElement status;
        while (true)
        {
            status = await GetAsync(http, statusUrl, ct);
            if (status.GetProperty("state").GetString() is "succeeded" or "failed")
            {
                break;
            }

            await ticker.WaitForNextTickAsync(ct);
        }

        watch.Stop();
        // The status polls go to the gateway, not to ShotGrid/AYON, so the counts below are the sync's own.
        var sg = cluster.ShotGrid.RequestCount - sg0;
        var ay = cluster.Ayon.RequestCount - ay0;
        var counts = status.GetProperty("counts");
        Console.WriteLine($"{label}: {status.GetProperty("state").GetString()} {counts}");
        var estimate = TimeSpan.FromMilliseconds(sg * 330 + ay * 20);
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} ({status.GetProperty("state").GetString()}, created {counts.GetProperty("created").GetInt32()}) | {entities} | {watch.Elapsed.TotalSeconds:F2} s | {entities / watch.Elapsed.TotalSeconds:F0} | {sg} | {ay} | {(double)sg / entities:F4} | {(double)ay / entities:F4} | {estimate.TotalSeconds:F1} s | {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} | {Mb(GC.GetTotalMemory(false))} | {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms |");
    }

    private static async Task LeecherRowAsync(DemoCluster cluster, TimeSpan interval, int shots, StringBuilder report, CancellationToken ct)
    {
        var store = cluster.ShotGrid.Store;
        var project = ShotGridSeeder.SeedProject(store, new SeedSpec("Bench Leech", Episodes: 0, SequencesPerEpisode: 2, ShotsPerSequence: 5, Assets: 2, TasksPerEntity: 1));
        using var http = Gateway(cluster);
        var prepared = await PostAsync(http, $"api/shotgrid/projects/{project.ProjectId}/prepare", null, ct);
        var ayonName = prepared.GetProperty("ayonProjectName").GetString()!;
        var job = await PostAsync(http, $"api/shotgrid/projects/{project.ProjectId}/sync", new { requestedBy = "bench" }, ct);
        var statusUrl = job.GetProperty("statusUrl").GetString()!.TrimStart('/');
        using (var wait = new PeriodicTimer(TimeSpan.FromMilliseconds(50)))
        {
            while ((await GetAsync(http, statusUrl, ct)).GetProperty("state").GetString() is not ("succeeded" or "failed"))
            {
                await wait.WaitForNextTickAsync(ct);
            }
        }

        var sg0 = cluster.ShotGrid.RequestCount;
        var ay0 = cluster.Ayon.RequestCount;
        var sequence = new EntityLink("Sequence", project.SequenceIds[0]);
        var created = new Dictionary<string, long>(shots);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < shots; i++)
        {
            var id = store.Create("Shot", new() { ["project"] = new EntityLink("Project", project.ProjectId), ["code"] = $"lsh{i:D5}", ["sg_sequence"] = sequence });
            created[id.ToString(CultureInfo.InvariantCulture)] = clock.ElapsedTicks;
        }

        var burst = clock.Elapsed;
        var latencies = new List<double>(shots);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        while (seen.Count < shots)
        {
            await ticker.WaitForNextTickAsync(ct);
            var now = clock.ElapsedTicks;
            foreach (var folder in cluster.Ayon.Store.Folders(ayonName))
            {
                if (folder.Attrib.GetValueOrDefault("shotgridId")?.ToString() is { } sgId && created.TryGetValue(sgId, out var at) && seen.Add(sgId))
                {
                    latencies.Add((now - at) * 1000.0 / Stopwatch.Frequency);
                }
            }
        }

        var all = clock.Elapsed;
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {interval.TotalSeconds:0.0} s | {shots} | {burst.TotalMilliseconds:F0} ms | {all.TotalSeconds:F2} s | {shots / all.TotalSeconds:F0} | {P(0.5):F0} ms | {P(0.95):F0} ms | {latencies[^1]:F0} ms | {cluster.ShotGrid.RequestCount - sg0} | {cluster.Ayon.RequestCount - ay0} |");
    }

    private static async Task IdleRowAsync(DemoCluster cluster, int projects, TimeSpan interval, StringBuilder report, CancellationToken ct)
    {
        using var http = Gateway(cluster);
        for (var p = 0; p < projects; p++)
        {
            var project = ShotGridSeeder.SeedProject(cluster.ShotGrid.Store, new SeedSpec($"Idle {p:D2}", Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));
            await PostAsync(http, $"api/shotgrid/projects/{project.ProjectId}/prepare", null, ct);
        }

        // Let the leecher catch up with the seeding events before the idle window starts.
        var settle = new PeriodicTimer(interval);
        for (var i = 0; i < 4; i++)
        {
            await settle.WaitForNextTickAsync(ct);
        }

        var sg0 = cluster.ShotGrid.RequestCount;
        var ay0 = cluster.Ayon.RequestCount;
        for (var i = 0; i < 10; i++)
        {
            await settle.WaitForNextTickAsync(ct);
        }

        settle.Dispose();
        var sg = cluster.ShotGrid.RequestCount - sg0;
        report.AppendLine(CultureInfo.InvariantCulture, $"| {projects} | 10 | {sg} | {sg / 10.0:F1} | {cluster.Ayon.RequestCount - ay0} |");
    }

    private static HttpClient Gateway(DemoCluster cluster)
    {
        var http = new HttpClient { BaseAddress = cluster.GatewayUrl, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("x-api-key", BenchCluster.GatewayApiKey);
        return http;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string url, object? body, CancellationToken ct) =>
        await ReadAsync(body is null ? await http.PostAsync(url, null, ct) : await http.PostAsJsonAsync(url, body, ct), ct);

    private static async Task<JsonElement> GetAsync(HttpClient http, string url, CancellationToken ct) => await ReadAsync(await http.GetAsync(url, ct), ct);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");
}
