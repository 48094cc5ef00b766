using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AyonShotgrid.Demo;

/// <summary>How to start a <see cref="DemoCluster"/>.</summary>
public sealed record DemoClusterOptions
{
    /// <summary>Gateway HTTP port on 127.0.0.1; 0 = any free port. A busy preferred port falls back to a free one.</summary>
    public int GatewayPort { get; init; }

    /// <summary>Silo HTTP port (health, dashboard); 0 = any free port.</summary>
    public int SiloHttpPort { get; init; }

    public string ClusterId { get; init; } = "ayon-shotgrid-demo";

    public string GatewayApiKey { get; init; } = DemoCluster.DefaultGatewayApiKey;

    /// <summary>Configuration for both hosts on top of the defaults (e.g. Sync:PollInterval, Logging:LogLevel:Default).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}

/// <summary>
/// Everything of a production deployment in one process, on loopback: the two emulators stand in for ShotGrid and
/// AYON, and the silo and the gateway are separate hosts talking over Orleans' gateway port, as in production.
/// The demo, the browser tests and the benchmark all run on it.
/// </summary>
public sealed class DemoCluster : IAsyncDisposable
{
    public const string DefaultGatewayApiKey = "demo-gateway-key";

    private DemoCluster(ShotGridEmulator shotGrid, AyonEmulator ayon, WebApplication silo, WebApplication gateway, string gatewayApiKey)
    {
        ShotGrid = shotGrid;
        Ayon = ayon;
        Silo = silo;
        Gateway = gateway;
        GatewayApiKey = gatewayApiKey;
        GatewayUrl = AddressOf(gateway);
        SiloUrl = AddressOf(silo);
    }

    public ShotGridEmulator ShotGrid { get; }

    public AyonEmulator Ayon { get; }

    public WebApplication Silo { get; }

    public WebApplication Gateway { get; }

    public Uri GatewayUrl { get; }

    public Uri SiloUrl { get; }

    public string GatewayApiKey { get; }

    /// <summary>Starts it all; retries when a port picked as free was taken before Orleans bound it.</summary>
    public static async Task<DemoCluster> StartAsync(DemoClusterOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken);
            }
            catch (IOException) when (attempt < 4)
            {
                // Other ports are picked on the next attempt.
            }
        }
    }

    /// <summary>An HTTP client for the gateway API with the key set.</summary>
    public HttpClient CreateGatewayClient()
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-api-key", GatewayApiKey);
        return client;
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

    private static async Task<DemoCluster> StartOnceAsync(DemoClusterOptions options, CancellationToken cancellationToken)
    {
        var shotGrid = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions(), cancellationToken);
        var ayon = await AyonEmulator.StartAsync(new AyonEmulatorOptions(), cancellationToken);
        var shared = new Dictionary<string, string?>
        {
            ["ShotGrid:Url"] = shotGrid.BaseUrl.ToString(),
            ["ShotGrid:ScriptName"] = shotGrid.ScriptName,
            ["ShotGrid:ApiKey"] = shotGrid.ScriptKey,
            ["Ayon:Url"] = ayon.BaseUrl.ToString(),
            ["Ayon:ApiKey"] = ayon.ApiKey,
            ["Orleans:ClusterId"] = options.ClusterId,
            ["Orleans:ServiceId"] = options.ClusterId,
            ["Orleans:SiloPort"] = FreePorts.Any().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePorts.Any().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AyonShotgrid"] = "Information",
        };
        foreach (var (key, value) in options.Settings)
        {
            shared[key] = value;
        }

        var siloBuilder = WebApplication.CreateBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(shared);
        siloBuilder.Configuration["Urls"] = Url(options.SiloHttpPort);
        siloBuilder.Configuration["Dashboard:AllowAnonymous"] = "true";
        siloBuilder.AddSyncSilo();
        var silo = siloBuilder.Build();
        silo.MapSyncSilo();
        await silo.StartAsync(cancellationToken);

        var gatewayBuilder = WebApplication.CreateBuilder();
        gatewayBuilder.Configuration.AddInMemoryCollection(shared);
        gatewayBuilder.Configuration["Urls"] = Url(options.GatewayPort);
        gatewayBuilder.Configuration["Gateway:ApiKey"] = options.GatewayApiKey;
        gatewayBuilder.AddSyncGateway();
        var gateway = gatewayBuilder.Build();
        gateway.MapSyncGateway();
        await gateway.StartAsync(cancellationToken);

        return new DemoCluster(shotGrid, ayon, silo, gateway, options.GatewayApiKey);
    }

    private static string Url(int preferredPort) => $"http://127.0.0.1:{(preferredPort == 0 ? 0 : FreePorts.Preferred(preferredPort))}";

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}
