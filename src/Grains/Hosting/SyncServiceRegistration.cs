using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.EventLog;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Http;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Playlists;
using AyonShotgrid.Grains.Prepare;
using AyonShotgrid.Grains.Notes;
using AyonShotgrid.Grains.Push;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Hosting;

/// <summary>Everything the grains need, with options bound from configuration and validated when the host starts.</summary>
public static class SyncServiceRegistration
{
    public static IServiceCollection AddSyncServices(this IServiceCollection services)
    {
        services.AddOptions<ShotGridOptions>().BindConfiguration(ShotGridOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AyonOptions>()
            .BindConfiguration(AyonOptions.Section)
            .Configure<IConfiguration>(ApplyAyonServiceEnvironment)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IOptions<ShotGridOptions>, LiveOptions<ShotGridOptions>>();
        services.AddSingleton<IOptions<SyncOptions>, LiveOptions<SyncOptions>>();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SyncClock.System);
        services.AddShotGridClient();
        services.AddAyonClient();
        services.AddSingleton<ShotGridProjectReader>();
        services.AddSingleton<ShotGridAnatomyReader>();
        services.AddSingleton<ProjectPreparer>();
        services.AddSingleton<ProjectSynchronizer>();
        services.AddSingleton<Entities.EntityPlacer>();
        services.AddSingleton<Entities.EntityChangeApplier>();
        services.AddSingleton<Entities.EntityLifecycle>();
        services.AddSingleton<Entities.RetiredParentChildren>();
        services.AddSingleton<Mirror.MirrorPoster>();
        services.AddSingleton<AttributeMapSource>();
        services.AddSingleton<Configuration.ProjectSettingsReader>();
        services.AddSingleton<EventLog.EventLogReader>();
        services.AddSingleton<Ayon.AyonCreateBatcher>();
        services.AddPushServices();
        services.AddPlaylistServices();
        services.AddNoteServices();
        return services;
    }

    /// <summary>
    /// AYON's service host (ASH) starts services with AYON_SERVER_URL and AYON_API_KEY; they fill what Ayon:Url and
    /// Ayon:ApiKey leave empty, so the silo runs unchanged as an AYON service.
    /// </summary>
    private static void ApplyAyonServiceEnvironment(AyonOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(options.Url) && configuration["AYON_SERVER_URL"] is { Length: > 0 } url)
        {
            options.Url = url;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && configuration["AYON_API_KEY"] is { Length: > 0 } key)
        {
            options.ApiKey = key;
        }

        options.AddonName ??= configuration["AYON_ADDON_NAME"];
        options.AddonVersion ??= configuration["AYON_ADDON_VERSION"];
        options.SettingsVariant ??= configuration["AYON_SETTINGS_VARIANT"] ?? "production";
    }
}
