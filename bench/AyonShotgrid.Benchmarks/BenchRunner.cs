using System.Globalization;
using System.Runtime;
using System.Text.Json;

namespace AyonShotgrid.Benchmarks;

/// <summary>One benchmark run: emulators here, cluster beside them, full sync, request floor, event stream, reports.</summary>
public static class BenchRunner
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The push scenario (<c>--push N</c>) on its own emulators and cluster; writes latest-push.json.</summary>
    public static Task<PushBenchResult> RunPushAsync(BenchOptions options, CancellationToken cancellationToken) =>
        OnOwnClusterAsync(options, cancellationToken, async (emulators, cluster, ct) =>
        {
            var push = await PushScenario.RunAsync(emulators, cluster, options, ct);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "latest-push.json"), JsonSerializer.Serialize(push, Json), ct);
            return push;
        });

    /// <summary>The notes scenario (<c>--notes N</c>) on its own emulators and cluster; writes latest-notes.json and .md.</summary>
    public static Task<NotesBenchResult> RunNotesAsync(BenchOptions options, string command, CancellationToken cancellationToken) =>
        OnOwnClusterAsync(options, cancellationToken, async (emulators, cluster, ct) =>
        {
            var startedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
            var load = FullSyncScenario.LoadAverage();
            var (step, stream) = await NotesScenario.RunAsync(emulators, cluster, options, ct);
            var result = new NotesBenchResult(startedAt, command, options.PostgresConnectionString is null ? "in-memory" : "PostgreSQL", $"{load} → {FullSyncScenario.LoadAverage()}", step, stream);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "latest-notes.json"), JsonSerializer.Serialize(result, Json), ct);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "latest-notes.md"), NotesReport.Render(result), ct);
            return result;
        });

    /// <summary>A scenario with emulators and a cluster of its own, under the run's deadline and latency.</summary>
    private static async Task<T> OnOwnClusterAsync<T>(BenchOptions options, CancellationToken cancellationToken, Func<Emulators, ClusterHost, CancellationToken, Task<T>> scenario)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        var ct = deadline.Token;
        await using var emulators = await Emulators.StartAsync(ct);
        await using var cluster = await ClusterHost.StartAsync(emulators, options, ct);
        emulators.Apply(options.Latency);
        Directory.CreateDirectory(options.OutputDirectory);
        return await scenario(emulators, cluster, ct);
    }

    public static async Task<BenchResult> RunAsync(BenchOptions options, string command, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        var ct = deadline.Token;
        var startedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

        await using var emulators = await Emulators.StartAsync(ct);
        await using var cluster = await ClusterHost.StartAsync(emulators, options, ct);
        Console.WriteLine($"latency: {options.Latency}");
        emulators.Apply(options.Latency);
        var sync = await FullSyncScenario.RunAsync(emulators, cluster, options.Entities, ct);
        emulators.Apply(LatencyProfile.Loopback);
        var floor = await RequestFloor.MeasureAsync(emulators, sync, sync.Result.WallSeconds, ct);
        emulators.Apply(options.Latency);
        var stream = await EventStreamScenario.RunAsync(emulators, cluster, options, ct);

        var result = new BenchResult(
            startedAt,
            $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            command,
            options.PostgresConnectionString is null ? "in-memory" : "PostgreSQL",
            cluster.Placement,
            options.Latency,
            $"cluster GC: {options.ClusterGc ?? (options.InProcess ? (GCSettings.IsServerGC ? "server" : "workstation") : "server (as shipped)")}",
            sync.Result,
            floor,
            stream);
        Directory.CreateDirectory(options.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "latest.json"), JsonSerializer.Serialize(result, Json), ct);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "latest.md"), MarkdownReport.Render(result), ct);
        await RequestListing.WriteAsync(options.OutputDirectory, sync, ct);
        return result;
    }
}
