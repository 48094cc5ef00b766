using System.Net;
using System.Net.Sockets;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Silo.Hosting;

namespace AyonShotgrid.Benchmarks;

/// <summary>Emulators + silo + gateway in one process on loopback (as the demo hosts them), logs at Warning.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string GatewayApiKey = "bench-gateway-key";

    private BenchCluster(ShotGridEmulator shotGrid, AyonEmulator ayon, WebApplication silo, WebApplication gateway, Uri gatewayUrl)
    {
        ShotGrid = shotGrid;
        Ayon = ayon;
        Silo = silo;
        Gateway = gateway;
        GatewayUrl = gatewayUrl;
    }

    public ShotGridEmulator ShotGrid { get; }

    public AyonEmulator Ayon { get; }

    public WebApplication Silo { get; }

    public WebApplication Gateway { get; }

    public Uri GatewayUrl { get; }

    /// <summary>Retries on a port race (a free port picked here can be taken before Kestrel binds it).</summary>
    public static async Task<BenchCluster> StartAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(pollInterval, cancellationToken);
            }
            catch (IOException) when (attempt < 4)
            {
                // Another port is picked on the next attempt.
            }
        }
    }

    private static async Task<BenchCluster> StartOnceAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var shotGrid = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions(), cancellationToken);
        var ayon = await AyonEmulator.StartAsync(new AyonEmulatorOptions(), cancellationToken);
        var gatewayUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var shared = new Dictionary<string, string?>
        {
            ["ShotGrid:Url"] = shotGrid.BaseUrl.ToString(),
            ["ShotGrid:ScriptName"] = shotGrid.ScriptName,
            ["ShotGrid:ApiKey"] = shotGrid.ScriptKey,
            ["Ayon:Url"] = ayon.BaseUrl.ToString(),
            ["Ayon:ApiKey"] = ayon.ApiKey,
            ["Orleans:ClusterId"] = "ayon-shotgrid-bench",
            ["Orleans:ServiceId"] = "ayon-shotgrid-bench",
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sync:PollInterval"] = pollInterval.ToString(),
            // Console I/O must not dominate what is measured.
            ["Logging:LogLevel:Default"] = "Warning",
        };

        var siloBuilder = WebApplication.CreateBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(shared);
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = $"http://127.0.0.1:{FreePort()}/" });
        siloBuilder.AddSyncSilo();
        var silo = siloBuilder.Build();
        silo.MapSyncSilo();
        await silo.StartAsync(cancellationToken);

        var gatewayBuilder = WebApplication.CreateBuilder();
        gatewayBuilder.Configuration.AddInMemoryCollection(shared);
        gatewayBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = gatewayUrl.ToString(),
            ["Gateway:ApiKey"] = GatewayApiKey,
        });
        gatewayBuilder.AddSyncGateway();
        var gateway = gatewayBuilder.Build();
        gateway.MapSyncGateway();
        await gateway.StartAsync(cancellationToken);
        return new BenchCluster(shotGrid, ayon, silo, gateway, gatewayUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.StopAsync();
        await Silo.StopAsync();
        await Gateway.DisposeAsync();
        await Silo.DisposeAsync();
        await Ayon.DisposeAsync();
        await ShotGrid.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
