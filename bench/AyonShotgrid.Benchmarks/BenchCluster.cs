using AyonShotgrid.Demo;

namespace AyonShotgrid.Benchmarks;

/// <summary>The demo's in-process deployment with the benchmark's poll interval and quiet logs (console I/O must not dominate what is measured).</summary>
internal static class BenchCluster
{
    public const string GatewayApiKey = "bench-gateway-key";

    public static Task<DemoCluster> StartAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        DemoCluster.StartAsync(
            new DemoClusterOptions
            {
                ClusterId = "ayon-shotgrid-bench",
                GatewayApiKey = GatewayApiKey,
                Settings = new Dictionary<string, string?>
                {
                    ["Sync:PollInterval"] = pollInterval.ToString(),
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Logging:LogLevel:AyonShotgrid"] = "Warning",
                },
            },
            cancellationToken);
}
