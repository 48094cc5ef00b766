using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AyonShotgrid.Benchmarks;

/// <summary>A silo and a gateway as production composes them (two hosts talking over Orleans' gateway port), on loopback.</summary>
public sealed class SyncHosts : IAsyncDisposable
{
    private SyncHosts(WebApplication silo, WebApplication gateway)
    {
        Silo = silo;
        Gateway = gateway;
        GatewayUrl = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
    }

    public WebApplication Silo { get; }

    public WebApplication Gateway { get; }

    public Uri GatewayUrl { get; }

    /// <param name="settings">Configuration of both hosts (ShotGrid/AYON URLs and keys, Orleans ports, Sync options).</param>
    public static async Task<SyncHosts> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var siloBuilder = WebApplication.CreateBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(settings);
        siloBuilder.Configuration["Urls"] = "http://127.0.0.1:0";
        siloBuilder.AddSyncSilo();
        var silo = siloBuilder.Build();
        silo.MapSyncSilo();
        await silo.StartAsync(ct);

        var gatewayBuilder = WebApplication.CreateBuilder();
        gatewayBuilder.Configuration.AddInMemoryCollection(settings);
        gatewayBuilder.Configuration["Urls"] = "http://127.0.0.1:0";
        gatewayBuilder.AddSyncGateway();
        var gateway = gatewayBuilder.Build();
        gateway.MapSyncGateway();
        await gateway.StartAsync(ct);
        return new SyncHosts(silo, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.StopAsync();
        await Silo.StopAsync();
        await Gateway.DisposeAsync();
        await Silo.DisposeAsync();
    }
}
