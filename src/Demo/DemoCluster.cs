using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Silo.Hosting;

namespace AyonShotgrid.Demo;

/// <summary>
/// Everything of a production deployment in one process, on loopback: the two emulators stand in for ShotGrid and
/// AYON, and the silo and the gateway are separate hosts talking over Orleans' gateway port, as in production.
/// </summary>
internal sealed class DemoCluster : IAsyncDisposable
{
    public const string GatewayApiKey = "demo-gateway-key";

    private DemoCluster(ShotGridEmulator shotGrid, AyonEmulator ayon, WebApplication silo, WebApplication gateway, Uri gatewayUrl, Uri siloUrl)
    {
        ShotGrid = shotGrid;
        Ayon = ayon;
        Silo = silo;
        Gateway = gateway;
        GatewayUrl = gatewayUrl;
        SiloUrl = siloUrl;
    }

    public ShotGridEmulator ShotGrid { get; }

    public AyonEmulator Ayon { get; }

    public WebApplication Silo { get; }

    public WebApplication Gateway { get; }

    public Uri GatewayUrl { get; }

    public Uri SiloUrl { get; }

    public static async Task<DemoCluster> StartAsync(int gatewayPort, int siloHttpPort, CancellationToken cancellationToken)
    {
        var shotGrid = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions(), cancellationToken);
        var ayon = await AyonEmulator.StartAsync(new AyonEmulatorOptions(), cancellationToken);
        var siloPort = FreePorts.Preferred(11111);
        var orleansGatewayPort = FreePorts.Preferred(30000);
        var gatewayUrl = new Uri($"http://127.0.0.1:{FreePorts.Preferred(gatewayPort)}/");
        var siloUrl = new Uri($"http://127.0.0.1:{FreePorts.Preferred(siloHttpPort)}/");

        var shared = new Dictionary<string, string?>
        {
            ["ShotGrid:Url"] = shotGrid.BaseUrl.ToString(),
            ["ShotGrid:ScriptName"] = shotGrid.ScriptName,
            ["ShotGrid:ApiKey"] = shotGrid.ScriptKey,
            ["Ayon:Url"] = ayon.BaseUrl.ToString(),
            ["Ayon:ApiKey"] = ayon.ApiKey,
            ["Orleans:ClusterId"] = "ayon-shotgrid-demo",
            ["Orleans:ServiceId"] = "ayon-shotgrid-demo",
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = orleansGatewayPort.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AyonShotgrid"] = "Information",
        };

        var siloBuilder = WebApplication.CreateBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(shared);
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = siloUrl.ToString(),
            ["Dashboard:AllowAnonymous"] = "true",
        });
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

        return new DemoCluster(shotGrid, ayon, silo, gateway, gatewayUrl, siloUrl);
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
}
