using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AyonShotgrid.Grains.Configuration;

/// <summary>Answers with this silo's options as they are now (settings re-read from AYON included).</summary>
[StatelessWorker]
public sealed class ConfigurationViewGrain(
    IConfiguration configuration,
    IOptions<ShotGridOptions> shotGrid,
    IOptions<AyonOptions> ayon,
    IOptions<SyncOptions> sync,
    ILocalSiloDetails silo,
    IServiceProvider services) : Grain, IConfigurationViewGrain
{
    public Task<EffectiveConfiguration> GetAsync()
    {
        var settings = EffectiveSettings.Describe(ShotGridOptions.Section, shotGrid.Value, configuration)
            .Concat(EffectiveSettings.Describe(AyonOptions.Section, ayon.Value, configuration))
            .Concat(EffectiveSettings.Describe(SyncOptions.Section, sync.Value, configuration))
            .Select(FromServiceEnvironment)
            .ToList();
        var ayonSettings = services.GetService<IAyonSettingsStatus>()?.Current;
        return Task.FromResult(new EffectiveConfiguration(silo.Name, settings, ayonSettings));
    }

    /// <summary>AYON's service host passes the server URL and key as AYON_SERVER_URL / AYON_API_KEY when Ayon:* is empty.</summary>
    private static EffectiveSetting FromServiceEnvironment(EffectiveSetting setting) => setting switch
    {
        { Key: "Ayon:Url", Source: "default", Value: { Length: > 0 } } => setting with { Source = "AYON_SERVER_URL" },
        { Key: "Ayon:ApiKey", Source: "default", Value: "(set)" } => setting with { Source = "AYON_API_KEY" },
        _ => setting,
    };
}
