using Microsoft.Extensions.Options;
using AyonShotgrid.Grains.Options;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>Says at start-up which mode the silo runs in, so nobody mistakes the in-memory single node for a production cluster.</summary>
internal sealed partial class StartupReport(IConfiguration configuration, IOptions<ShotGridOptions> shotGrid, IOptions<AyonOptions> ayon, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cluster = ClusterSettings.From(configuration);
        if (cluster.ConnectionString is null)
        {
            LogInMemory(logger, cluster.SiloPort, cluster.GatewayPort);
        }
        else
        {
            LogPostgres(logger, cluster.ClusterId, cluster.SiloPort, cluster.GatewayPort);
        }

        LogServers(logger, shotGrid.Value.Url, shotGrid.Value.SiteName, ayon.Value.Url);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ConnectionStrings:Orleans configured: running as a single node with IN-MEMORY grain storage and reminders (silo port {SiloPort}, gateway port {GatewayPort}). State is lost when this process stops.")]
    private static partial void LogInMemory(ILogger logger, int siloPort, int gatewayPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clustering, grain storage and reminders on PostgreSQL (cluster '{ClusterId}', silo port {SiloPort}, gateway port {GatewayPort})")]
    private static partial void LogPostgres(ILogger logger, string clusterId, int siloPort, int gatewayPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid {ShotGridUrl} (site '{Site}'), AYON {AyonUrl}")]
    private static partial void LogServers(ILogger logger, string shotGridUrl, string site, string ayonUrl);
}
