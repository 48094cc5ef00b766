using AyonShotgrid.Persistence;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Grains;
using AyonShotgrid.Grains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>
/// The emulators on loopback, a one-silo in-process cluster wired exactly like production (same services, same
/// HTTP clients), and the real gateway on loopback in front of it. Tests share it and isolate themselves by
/// seeding their own ShotGrid project.
/// </summary>
public class SyncFixture : IAsyncLifetime
{
    public const string GatewayKey = "test-gateway-key";

    public ShotGridEmulator ShotGrid { get; private set; } = null!;

    public AyonEmulator Ayon { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WebApplication Gateway { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public string Site => ShotGrid.BaseUrl.Host;

    /// <summary>The sync's clock (settle windows, timestamps); Orleans itself keeps real time.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Every log line the silo wrote (tests check that no secret ever shows up in one).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        ShotGrid = await ShotGridEmulator.StartAsync();
        Ayon = await AyonEmulator.StartAsync();
        var settings = Settings();
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(settings));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSyncGrains();
            silo.Services.AddSingleton(new AyonShotgrid.Grains.SyncClock(Clock));
            silo.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            silo.AddPlainJsonMemoryGrainStorage(StorageNames.Sync);
            silo.UseInMemoryReminderService();

            // The leecher's keep-alive reminder runs every few seconds here, so tests see it bring the leecher back.
            silo.Configure<Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var gatewayBuilder = WebApplication.CreateBuilder();
        gatewayBuilder.Configuration.AddInMemoryCollection(settings);
        gatewayBuilder.Configuration["Gateway:ApiKey"] = GatewayKey;
        gatewayBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        gatewayBuilder.AddSyncGateway(useOrleansClient: false);
        gatewayBuilder.Services.AddSingleton<IGrainFactory>(Cluster.Client);
        Gateway = gatewayBuilder.Build();
        Gateway.MapSyncGateway();
        await Gateway.StartAsync();
        var address = Gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        GatewayUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        await Gateway.StopAsync();
        await Gateway.DisposeAsync();
        await Cluster.DisposeAsync();
        await Ayon.DisposeAsync();
        await ShotGrid.DisposeAsync();
    }

    /// <summary>An HTTP client for the gateway; with the API key unless told otherwise.</summary>
    public HttpClient GatewayClient(string? apiKey = GatewayKey)
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["ShotGrid:Url"] = ShotGrid.BaseUrl.ToString(),
        ["ShotGrid:ScriptName"] = ShotGrid.ScriptName,
        ["ShotGrid:ApiKey"] = ShotGrid.ScriptKey,
        ["Ayon:Url"] = Ayon.BaseUrl.ToString(),
        ["Ayon:ApiKey"] = Ayon.ApiKey,
        ["Ayon:MaxAttempts"] = "3",

        // Outages in tests last seconds: an open circuit and a waiting job try again soon after the server is back.
        ["Ayon:CircuitBreakDuration"] = "00:00:01",
        ["ShotGrid:CircuitBreakDuration"] = "00:00:01",
        ["Sync:OutageRetryInterval"] = "00:00:00.500",
        ["Sync:BatchSize"] = "50",
        ["Sync:LeecherEnabled"] = "false",
        ["Sync:MirrorEventsToAyon"] = "true",

        // The AYON → ShotGrid push follower runs only in the fixtures made for it (its reads would shift request counts).
        ["Push:FollowerEnabled"] = "false",

        // A playlist waiting for a Version to be linked looks again every second here (a minute by default).
        ["Playlists:RelinkPeriod"] = "00:00:01",
    };
}

/// <summary>The same set-up with the leecher running on a short poll interval.</summary>
public sealed class LeecherFixture : SyncFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Sync:LeecherEnabled"] = "true",
        ["Sync:PollInterval"] = "00:00:00.200",
        ["Sync:SettleWindow"] = "00:05:00",
        ["Sync:LeecherKeepAlivePeriod"] = "00:00:02",
    };
}

/// <summary>The leecher and the AYON → ShotGrid push follower both running on a short poll interval.</summary>
public class PushFixture : SyncFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Sync:LeecherEnabled"] = "true",
        ["Sync:PollInterval"] = "00:00:00.200",
        ["Sync:LeecherKeepAlivePeriod"] = "00:00:02",
        ["Sync:ApplyChanges"] = "true",
        ["Push:FollowerEnabled"] = "true",
        ["Push:SettingRefresh"] = "00:00:01",
        ["Push:BatchSize"] = "50",
    };
}

[CollectionDefinition(Name)]
public sealed class PushCollection : ICollectionFixture<PushFixture>
{
    public const string Name = "push";
}

/// <summary>The leecher following only projects whose ShotGrid checkbox sg_ayon_auto_sync is set.</summary>
public sealed class AutoSyncLeecherFixture : SyncFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Sync:LeecherEnabled"] = "true",
        ["Sync:PollInterval"] = "00:00:00.200",
        ["Sync:RequireAutoSyncField"] = "true",
    };
}

[CollectionDefinition(Name)]
public sealed class AutoSyncLeecherCollection : ICollectionFixture<AutoSyncLeecherFixture>
{
    public const string Name = "leecher-auto-sync";
}

[CollectionDefinition(Name)]
public sealed class LeecherCollection : ICollectionFixture<LeecherFixture>
{
    public const string Name = "leecher";
}

[CollectionDefinition(Name)]
public sealed class SyncCollection : ICollectionFixture<SyncFixture>
{
    public const string Name = "sync";
}
