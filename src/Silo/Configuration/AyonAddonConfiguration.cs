namespace AyonShotgrid.Silo.Configuration;

/// <summary>
/// When the silo runs as an AYON service (AYON_ADDON_NAME and AYON_ADDON_VERSION set), layers the addon's settings
/// under the explicit configuration: values the operator set (appsettings, environment, command line) still win.
/// </summary>
public static class AyonAddonConfiguration
{
    public static async Task AddAyonAddonSettingsAsync(this IConfigurationManager configuration, CancellationToken cancellationToken = default)
    {
        var addon = configuration["AYON_ADDON_NAME"] ?? configuration["Ayon:AddonName"];
        var version = configuration["AYON_ADDON_VERSION"] ?? configuration["Ayon:AddonVersion"];
        if (string.IsNullOrWhiteSpace(addon) || string.IsNullOrWhiteSpace(version))
        {
            return;
        }

        var url = configuration["Ayon:Url"] is { Length: > 0 } u ? u : configuration["AYON_SERVER_URL"];
        var key = configuration["Ayon:ApiKey"] is { Length: > 0 } k ? k : configuration["AYON_API_KEY"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var ayonUrl) || string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException("AYON_ADDON_NAME is set, so settings are read from AYON: Ayon:Url (AYON_SERVER_URL) and Ayon:ApiKey (AYON_API_KEY) are required.");
        }

        var fromAyon = await AyonAddonSettings.ReadAsync(ayonUrl, key, addon, version, configuration["AYON_SETTINGS_VARIANT"] ?? "production", cancellationToken);

        // Only fill what nobody configured explicitly.
        var missing = fromAyon.Where(kv => string.IsNullOrEmpty(configuration[kv.Key])).ToDictionary(kv => kv.Key, kv => kv.Value);
        configuration.AddInMemoryCollection(missing);
    }
}
