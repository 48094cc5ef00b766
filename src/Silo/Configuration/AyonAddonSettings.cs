using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Silo.Configuration;

/// <summary>
/// Reads the ShotGrid connection and sync settings from the AYON addon's studio settings and secrets, as an AYON
/// service does: AYON's service host starts us with AYON_SERVER_URL, AYON_API_KEY, AYON_ADDON_NAME and
/// AYON_ADDON_VERSION. Returns configuration keys (ShotGrid:Url, …); explicit configuration still wins over them.
/// </summary>
public static class AyonAddonSettings
{
    /// <summary>Addon setting → configuration key, for plain values.</summary>
    private static readonly (string Setting, string Key)[] Plain =
    [
        ("shotgrid_url", "ShotGrid:Url"),
        ("shotgrid_script_name", "ShotGrid:ScriptName"),
        ("project_code_field", "ShotGrid:ProjectCodeField"),
        ("default_task_type", "Sync:DefaultTaskType"),
        ("duplicate_name_policy", "Sync:DuplicateNamePolicy"),
        ("hierarchy_preset", "Sync:HierarchyPreset"),
        ("hierarchy_shots_folder", "Sync:HierarchyShotsFolder"),
        ("hierarchy_assets_folder", "Sync:HierarchyAssetsFolder"),
        ("hierarchy_episodes_folder", "Sync:HierarchyEpisodesFolder"),
        ("hierarchy_group_folder_type", "Sync:HierarchyGroupFolderType"),
        ("mirror_events", "Sync:MirrorEventsToAyon"),
        ("apply_changes", "Sync:ApplyChanges"),
        ("notes_from_shotgrid", "Sync:NotesFromShotGrid"),
        ("notes_to_shotgrid", "Sync:NotesToShotGrid"),
        ("use_default_attribute_map", "Sync:UseDefaultAttributeMap"),
    ];

    /// <summary>Every addon setting the cluster reads; the addon's settings model must declare exactly these (tested).</summary>
    public static IReadOnlyList<string> SettingNames { get; } =
        [.. Plain.Select(p => p.Setting), "poll_interval_seconds", "synced_entity_types", "attribute_map", "shotgrid_script_key_secret"];

    public static async Task<Dictionary<string, string?>> ReadAsync(AyonAddonLocation location, CancellationToken cancellationToken)
    {
        var (ayonUrl, apiKey, addonName, addonVersion, variant) = location;
        using var http = new HttpClient { BaseAddress = ayonUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        var settingsUrl = $"api/addons/{Uri.EscapeDataString(addonName)}/{Uri.EscapeDataString(addonVersion)}/settings?variant={Uri.EscapeDataString(variant)}";
        using var response = await http.GetAsync(settingsUrl, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new UnusableSettingException($"Unusable settings AYON_ADDON_NAME/AYON_ADDON_VERSION ({addonName} {addonVersion}, variant {variant}): AYON at {ayonUrl} answered HTTP {(int)response.StatusCode} for the addon's settings. Install the addon in a bundle, or configure ShotGrid:* directly.");
        }

        var settings = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (setting, key) in Plain)
        {
            if (settings[setting] is JsonValue value && Text(value) is { Length: > 0 } text)
            {
                result[key] = text;
            }
        }

        if (settings["poll_interval_seconds"] is JsonValue poll && double.TryParse(Text(poll), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            result["Sync:PollInterval"] = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        }

        if (settings["synced_entity_types"] is JsonArray types && types.Count > 0)
        {
            var index = 0;
            foreach (var type in types.OfType<JsonValue>().Select(Text).OfType<string>().Where(t => t.Length > 0))
            {
                result[$"Sync:TrackedEntityTypes:{index++}"] = type;
            }
        }

        // A list of {entity_type, shotgrid_field, ayon_attribute} rows, as AYON settings pages edit lists of submodels.
        if (settings["attribute_map"] is JsonArray map)
        {
            foreach (var row in map.OfType<JsonObject>())
            {
                if (row["entity_type"] is JsonValue type && Text(type) is { Length: > 0 } t
                    && row["shotgrid_field"] is JsonValue field && Text(field) is { Length: > 0 } f
                    && row["ayon_attribute"] is JsonValue attribute && Text(attribute) is { } a)
                {
                    result[$"Sync:AttributeMap:{t}:{f}"] = a;
                }
            }
        }

        // The script key lives in an AYON secret; the settings only name it, so no key ever sits in settings.
        if (settings["shotgrid_script_key_secret"] is JsonValue secretName && Text(secretName) is { Length: > 0 } name)
        {
            using var secret = await http.GetAsync($"api/secrets/{Uri.EscapeDataString(name)}", cancellationToken);
            if (!secret.IsSuccessStatusCode)
            {
                var what = secret.StatusCode == System.Net.HttpStatusCode.NotFound ? "does not exist" : $"could not be read (HTTP {(int)secret.StatusCode})";
                throw new UnusableSettingException($"Unusable setting shotgrid_script_key_secret (read from the AYON addon settings of {location}): AYON secret '{name}' {what}.");
            }

            var body = await secret.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            result["ShotGrid:ApiKey"] = body?["value"]?.GetValue<string>();
        }

        return result;
    }

    private static string? Text(JsonValue value) => value.TryGetValue<string>(out var s) ? s
        : value.TryGetValue<bool>(out var b) ? (b ? "true" : "false")
        : value.ToJsonString();
}
