using System.Net;
using System.Net.Sockets;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AyonShotgrid.Browser.Tests;

/// <summary>
/// The demo set-up (as src/Demo/DemoCluster.cs builds it): both emulators, a silo host with the dashboard and a
/// gateway host talking to it over Orleans' gateway port, all on loopback, ShotGrid seeded with the demo project.
/// </summary>
public sealed class DemoSetup : IAsyncLifetime
{
    public const string GatewayKey = "browser-gateway-key";

    public ShotGridEmulator ShotGrid { get; private set; } = null!;

    public AyonEmulator Ayon { get; private set; } = null!;

    public SeededProject Project { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri SiloUrl { get; private set; } = null!;

    public string Site => ShotGrid.BaseUrl.Host;

    private WebApplication _silo = null!;
    private WebApplication _gateway = null!;

    public async Task InitializeAsync()
    {
        ShotGrid = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions());
        Ayon = await AyonEmulator.StartAsync(new AyonEmulatorOptions());
        Project = ShotGridSeeder.SeedDemo(ShotGrid.Store);

        var shared = new Dictionary<string, string?>
        {
            ["ShotGrid:Url"] = ShotGrid.BaseUrl.ToString(),
            ["ShotGrid:ScriptName"] = ShotGrid.ScriptName,
            ["ShotGrid:ApiKey"] = ShotGrid.ScriptKey,
            ["Ayon:Url"] = Ayon.BaseUrl.ToString(),
            ["Ayon:ApiKey"] = Ayon.ApiKey,
            ["Orleans:ClusterId"] = "ayon-shotgrid-browser-tests",
            ["Orleans:ServiceId"] = "ayon-shotgrid-browser-tests",
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };

        var siloBuilder = WebApplication.CreateBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(shared);
        siloBuilder.Configuration["Urls"] = "http://127.0.0.1:0";
        siloBuilder.Configuration["Dashboard:AllowAnonymous"] = "true";
        siloBuilder.AddSyncSilo();
        _silo = siloBuilder.Build();
        _silo.MapSyncSilo();
        await _silo.StartAsync();
        SiloUrl = AddressOf(_silo);

        var gatewayBuilder = WebApplication.CreateBuilder();
        gatewayBuilder.Configuration.AddInMemoryCollection(shared);
        gatewayBuilder.Configuration["Urls"] = "http://127.0.0.1:0";
        gatewayBuilder.Configuration["Gateway:ApiKey"] = GatewayKey;
        gatewayBuilder.AddSyncGateway();
        _gateway = gatewayBuilder.Build();
        _gateway.MapSyncGateway();
        await _gateway.StartAsync();
        GatewayUrl = AddressOf(_gateway);
    }

    public async Task DisposeAsync()
    {
        await _gateway.StopAsync();
        await _silo.StopAsync();
        await _gateway.DisposeAsync();
        await _silo.DisposeAsync();
        await Ayon.DisposeAsync();
        await ShotGrid.DisposeAsync();
    }

    public HttpClient GatewayClient()
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-api-key", GatewayKey);
        return client;
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>Orleans needs fixed silo and gateway ports; take ones the OS says are free.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoSetup>
{
    public const string Name = "demo";
}
