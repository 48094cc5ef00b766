using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.DependencyInjection;

namespace AyonShotgrid.Grains.Push;

/// <summary>The services of the AYON → ShotGrid push. The writer and the event stream are the same client instances the sync uses.</summary>
public static class PushServiceRegistration
{
    public static IServiceCollection AddPushServices(this IServiceCollection services)
    {
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IShotGridWriter>(sp => (IShotGridWriter)sp.GetRequiredService<IShotGridClient>());
        services.AddSingleton<IAyonEventStream>(sp => (IAyonEventStream)sp.GetRequiredService<IAyonClient>());
        services.AddSingleton<PushCatalogLoader>();
        services.AddSingleton<PushBatches>();
        services.AddSingleton<PushUpdates>();
        services.AddSingleton<ShotGridTags>();
        services.AddSingleton<PushRetirements>();
        services.AddSingleton<PublishedFileTypes>();
        services.AddSingleton<VersionPusher>();
        services.AddSingleton<ShotGridPusher>();
        services.AddSingleton<SyncToShotGridRun>();
        services.AddSingleton<ShotGridAyonIdField>();
        return services;
    }
}
