using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.DependencyInjection;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>The services of Playlists ↔ AYON entity lists. The list client is the silo's one AYON client.</summary>
public static class PlaylistServiceRegistration
{
    public static IServiceCollection AddPlaylistServices(this IServiceCollection services)
    {
        services.AddOptions<PlaylistOptions>().BindConfiguration(PlaylistOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAyonEntityLists>(sp => (IAyonEntityLists)sp.GetRequiredService<IAyonClient>());
        services.AddSingleton<PlaylistReader>();
        services.AddSingleton<PlaylistListWriter>();
        services.AddSingleton<PlaylistFullSync>();
        services.AddSingleton<PlaylistPusher>();
        services.AddSingleton<PlaylistRetirements>();
        return services;
    }
}
