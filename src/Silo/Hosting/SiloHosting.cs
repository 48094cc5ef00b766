using AyonShotgrid.Grains;
using AyonShotgrid.Grains.Hosting;
using AyonShotgrid.Persistence;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>Composition of the silo host: Orleans, the sync services, health checks and the dashboard.</summary>
public static partial class SiloHosting
{
    public static WebApplicationBuilder AddSyncSilo(this WebApplicationBuilder builder)
    {
        var cluster = ClusterSettings.From(builder.Configuration);
        builder.Services.AddHealthChecks();
        if (cluster.ConnectionString is { } migrateTarget && builder.Configuration.GetValue("Persistence:MigrateOnStart", true))
        {
            builder.Services.AddHostedService(sp => new SchemaMigrationOnStart(migrateTarget, sp.GetRequiredService<ILogger<SchemaMigrationOnStart>>()));
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            if (cluster.ConnectionString is { } connectionString)
            {
                var advertised = cluster.AdvertisedAddress ?? HostAddress.Detect();
                silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(advertised));
                silo.UsePostgresPersistence(connectionString, StorageNames.Sync);
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
                silo.AddPlainJsonMemoryGrainStorage(StorageNames.Sync);
                silo.UseInMemoryReminderService();
            }

            silo.AddSyncGrains();
            if (builder.Configuration.GetValue<TimeSpan?>("Orleans:MinimumReminderPeriod") is { } minimumReminderPeriod)
            {
                // Orleans wants reminders of a minute or more; tests and drills shorten the leecher's and jobs' keep-alive.
                silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = minimumReminderPeriod);
            }

            if (builder.Configuration.GetValue<TimeSpan?>("Orleans:ProbeTimeout") is { } probeTimeout)
            {
                // A killed container's address vanishes, so probes time out instead of being refused: the silo is voted
                // dead after about three missed probes of this length (Orleans' 5 s). The compose drill shortens it.
                silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = probeTimeout);
            }

            // Loaded only when someone can open it: the dashboard's assembly (17 MB, mapped whole) and the bundle it holds
            // on the heap (13 MB) were a tenth of a silo's memory, for a page that refuses every request when locked.
            if (DashboardAuthentication.IsOpen(builder.Configuration))
            {
                silo.AddDashboard();
            }
        });
        builder.Services.AddHostedService<StartupReport>();
        return builder;
    }

    public static WebApplication MapSyncSilo(this WebApplication app)
    {
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        app.UseDashboardAuthentication();
        if (DashboardAuthentication.IsOpen(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard");
        }

        return app;
    }
}
