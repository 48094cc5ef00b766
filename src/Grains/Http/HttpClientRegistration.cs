using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Http;

/// <summary>
/// Registers the ShotGrid and AYON clients as singletons: each owns one connection pool and (ShotGrid) one token
/// shared by every grain. Options are bound and validated by the host; a registered <see cref="TimeProvider"/> is used when present.
/// </summary>
public static class HttpClientRegistration
{
    public static IServiceCollection AddShotGridClient(this IServiceCollection services)
    {
        services.AddOptions<ShotGridOptions>();
        services.TryAddSingleton<IShotGridClient>(sp => new ShotGridClient(
            sp.GetRequiredService<IOptions<ShotGridOptions>>(),
            sp.GetService<ILogger<ShotGridClient>>() ?? NullLogger<ShotGridClient>.Instance,
            sp.GetService<TimeProvider>()));
        return services;
    }

    public static IServiceCollection AddAyonClient(this IServiceCollection services)
    {
        services.AddOptions<AyonOptions>();
        services.TryAddSingleton<IAyonClient>(sp => new AyonClient(
            sp.GetRequiredService<IOptions<AyonOptions>>(),
            sp.GetService<ILogger<AyonClient>>() ?? NullLogger<AyonClient>.Instance,
            sp.GetService<TimeProvider>()));
        return services;
    }
}
