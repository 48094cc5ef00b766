using AyonShotgrid.Demo;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Browser.Tests;

/// <summary>The demo set-up itself (<see cref="DemoCluster"/>): both emulators, a silo with the dashboard and a gateway on loopback, ShotGrid seeded with the demo project.</summary>
public sealed class DemoSetup : IAsyncLifetime
{
    public const string GatewayKey = "browser-gateway-key";

    private DemoCluster _cluster = null!;

    public ShotGridEmulator ShotGrid => _cluster.ShotGrid;

    public AyonEmulator Ayon => _cluster.Ayon;

    public SeededProject Project { get; private set; } = null!;

    public Uri GatewayUrl => _cluster.GatewayUrl;

    public Uri SiloUrl => _cluster.SiloUrl;

    public string Site => ShotGrid.BaseUrl.Host;

    public async Task InitializeAsync()
    {
        _cluster = await DemoCluster.StartAsync(
            new DemoClusterOptions
            {
                ClusterId = "ayon-shotgrid-browser-tests",
                GatewayApiKey = GatewayKey,
                Settings = new Dictionary<string, string?> { ["Logging:LogLevel:AyonShotgrid"] = "Warning" },
            },
            CancellationToken.None);
        Project = ShotGridSeeder.SeedDemo(ShotGrid.Store);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public HttpClient GatewayClient() => _cluster.CreateGatewayClient();
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoSetup>
{
    public const string Name = "demo";
}
