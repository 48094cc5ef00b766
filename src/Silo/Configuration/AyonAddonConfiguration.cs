namespace AyonShotgrid.Silo.Configuration;

/// <summary>
/// When the silo runs as an AYON service (AYON_ADDON_NAME and AYON_ADDON_VERSION set, or Ayon:AddonName and
/// Ayon:AddonVersion), reads the addon's settings before the host is built and layers them into configuration.
/// Precedence, highest first: command line, environment variables, AYON addon settings, appsettings.json, code defaults.
/// </summary>
public static class AyonAddonConfiguration
{
    /// <summary>Returns the provider (to be re-read by <see cref="AyonAddonSettingsRefresher"/>), or null when not running as an AYON service.</summary>
    public static async Task<AyonAddonSettingsProvider?> AddAyonAddonSettingsAsync(this IConfigurationManager configuration, CancellationToken cancellationToken = default)
    {
        var addon = configuration["AYON_ADDON_NAME"] ?? configuration["Ayon:AddonName"];
        var version = configuration["AYON_ADDON_VERSION"] ?? configuration["Ayon:AddonVersion"];
        if (string.IsNullOrWhiteSpace(addon) || string.IsNullOrWhiteSpace(version))
        {
            return null;
        }

        var url = configuration["Ayon:Url"] is { Length: > 0 } u ? u : configuration["AYON_SERVER_URL"];
        var key = configuration["Ayon:ApiKey"] is { Length: > 0 } k ? k : configuration["AYON_API_KEY"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var ayonUrl) || string.IsNullOrWhiteSpace(key))
        {
            throw new UnusableSettingException("Unusable settings Ayon:Url/AYON_SERVER_URL and Ayon:ApiKey/AYON_API_KEY: AYON_ADDON_NAME is set, so settings are read from AYON, which needs both.");
        }

        var location = new AyonAddonLocation(ayonUrl, key, addon, version, configuration["AYON_SETTINGS_VARIANT"] ?? configuration["Ayon:SettingsVariant"] ?? "production");
        IDictionary<string, string?> values;
        try
        {
            values = await AyonAddonSettings.ReadAsync(location, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UnusableSettingException($"Unusable setting Ayon:Url ({ayonUrl}): AYON could not be reached to read the addon settings of {addon} {version}: {e.Message}", e);
        }

        var provider = new AyonAddonSettingsProvider(location, values);

        var sources = ((IConfigurationBuilder)configuration).Sources;
        var lastFile = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is FileConfigurationSource).i;
        sources.Insert(sources.Any(s => s is FileConfigurationSource) ? lastFile + 1 : 0, provider);
        return provider;
    }

    /// <summary>Registers the periodic re-read and its status (shown by GET /api/configuration) when settings come from AYON.</summary>
    public static IServiceCollection AddAyonAddonSettingsRefresh(this IServiceCollection services, AyonAddonSettingsProvider? provider)
    {
        if (provider is null)
        {
            return services;
        }

        services.AddSingleton(provider);
        services.AddSingleton<AyonAddonSettingsRefresher>();
        services.AddSingleton<AyonShotgrid.Grains.Configuration.IAyonSettingsStatus>(sp => sp.GetRequiredService<AyonAddonSettingsRefresher>());
        services.AddHostedService(sp => sp.GetRequiredService<AyonAddonSettingsRefresher>());
        return services;
    }
}
