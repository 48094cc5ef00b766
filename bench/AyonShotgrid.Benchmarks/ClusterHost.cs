using System.Diagnostics;
using System.Globalization;
using AyonShotgrid.Demo;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// The cluster under test (silo + gateway). By default in a child process, so its peak memory is the sync's own and
/// not the emulators' (they hold the seeded data in the benchmark's process); in-process for the smoke test.
/// </summary>
public abstract class ClusterHost : IAsyncDisposable
{
    public const string GatewayApiKey = "bench-gateway-key";
    public const string Site = "bench";

    public abstract Uri GatewayUrl { get; }

    /// <summary>Where the cluster runs, for the report.</summary>
    public abstract string Placement { get; }

    /// <summary>Peak resident set of the process hosting the cluster so far.</summary>
    public abstract long PeakRssBytes();

    /// <summary>Processor time of the process hosting the cluster so far.</summary>
    public abstract TimeSpan ProcessorTime();

    public abstract ValueTask DisposeAsync();

    public static async Task<ClusterHost> StartAsync(Emulators emulators, BenchOptions options, CancellationToken ct)
    {
        var id = $"bench-{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string?>
        {
            ["ShotGrid:Url"] = emulators.ShotGrid.BaseUrl.ToString(),
            ["ShotGrid:Site"] = Site,
            ["ShotGrid:ScriptName"] = emulators.ShotGrid.ScriptName,
            ["ShotGrid:ApiKey"] = emulators.ShotGrid.ScriptKey,
            ["Ayon:Url"] = emulators.Ayon.BaseUrl.ToString(),
            ["Ayon:ApiKey"] = emulators.Ayon.ApiKey,
            ["Gateway:ApiKey"] = GatewayApiKey,
            ["Orleans:ClusterId"] = id,
            ["Orleans:ServiceId"] = id,
            ["Orleans:SiloPort"] = FreePorts.Any().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePorts.Any().ToString(CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Sync:PollInterval"] = options.PollInterval.ToString("c", CultureInfo.InvariantCulture),
            // Console I/O must not dominate what is measured.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AyonShotgrid"] = "Warning",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        if (options.PostgresConnectionString is { } cs)
        {
            settings["ConnectionStrings:Orleans"] = cs;
        }

        return options.InProcess
            ? new InProcessCluster(await SyncHosts.StartAsync(settings, ct))
            : await ChildProcessCluster.StartAsync(settings, options.ClusterGc, Path.Combine(options.OutputDirectory, "cluster.log"), ct);
    }

    private sealed class InProcessCluster(SyncHosts hosts) : ClusterHost
    {
        public override Uri GatewayUrl => hosts.GatewayUrl;

        public override string Placement => "in the benchmark process (with the emulators)";

        public override long PeakRssBytes() => ProcessMemory.PeakRssBytes(Environment.ProcessId);

        public override TimeSpan ProcessorTime() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

        public override ValueTask DisposeAsync() => hosts.DisposeAsync();
    }

    private sealed class ChildProcessCluster(Process process, Uri gatewayUrl) : ClusterHost
    {
        /// <summary>Copied next to the benchmark by the build (the benchmark references the silo through the demo).</summary>
        private const string SiloRuntimeConfig = "AyonShotgrid.Silo.runtimeconfig.json";

        public override Uri GatewayUrl => gatewayUrl;

        public override string Placement => "child process (silo + gateway only; emulators in the benchmark process)";

        public override long PeakRssBytes() => ProcessMemory.PeakRssBytes(process.Id);

        public override TimeSpan ProcessorTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public static async Task<ClusterHost> StartAsync(IReadOnlyDictionary<string, string?> settings, string? gc, string logPath, CancellationToken ct)
        {
            var self = typeof(ClusterHost).Assembly.Location;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };

            // With the silo's runtime settings (its runtimeconfig: GC and the rest), not the benchmark's: the memory and
            // speed measured are those of what ships.
            var siloRuntimeConfig = Path.Combine(Path.GetDirectoryName(self)!, SiloRuntimeConfig);
            if (File.Exists(siloRuntimeConfig))
            {
                start.ArgumentList.Add("exec");
                start.ArgumentList.Add("--runtimeconfig");
                start.ArgumentList.Add(siloRuntimeConfig);
            }

            start.ArgumentList.Add(self);
            start.ArgumentList.Add(ServeCluster.Verb);
            foreach (var (key, value) in settings)
            {
                // Environment, not arguments: keys stay out of process listings.
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            // Runtime settings for the cluster only (BENCH_CLUSTER_DOTNET_GCgen0size=… → DOTNET_GCgen0size=…), for GC
            // experiments that must not change the emulators' process.
            foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                if (variable.Key is string name && name.StartsWith("BENCH_CLUSTER_", StringComparison.Ordinal))
                {
                    start.Environment[name["BENCH_CLUSTER_".Length..]] = variable.Value as string;
                }
            }

            if (gc is not null)
            {
                start.Environment["DOTNET_gcServer"] = gc == "server" ? "1" : "0";
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the cluster process.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ServeCluster.ReadyPrefix, StringComparison.Ordinal))
                {
                    // Keep reading its output: a full pipe would block the child's console logger, and with it the cluster.
                    _ = DrainAsync(process.StandardOutput, logPath);
                    return new ChildProcessCluster(process, new Uri(line[ServeCluster.ReadyPrefix.Length..]));
                }
            }

            throw new InvalidOperationException($"The cluster process exited (code {(process.HasExited ? process.ExitCode : -1)}) before it was ready.");
        }

        private static async Task DrainAsync(StreamReader output, string logPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
            await using var log = new StreamWriter(logPath, append: false);
            while (await output.ReadLineAsync() is { } line)
            {
                await log.WriteLineAsync(line);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            // Closing its stdin is the child's signal to stop.
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
