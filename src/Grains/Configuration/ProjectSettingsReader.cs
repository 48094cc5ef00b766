using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Configuration;

/// <summary>The settings a sync of one AYON project runs with.</summary>
public sealed record ProjectSyncSettings(string DefaultTaskType, string DuplicateNamePolicy, string Source, HierarchyPreset? Hierarchy = null)
{
    public HierarchyPreset Preset => Hierarchy ?? HierarchyPreset.Flat;
}

/// <summary>
/// Per-project overrides from the AYON addon's project settings (GET /api/addons/{name}/{version}/settings/{project})
/// on top of the cluster's options, when the cluster runs as that addon's service. A project setting AYON holds but
/// the sync cannot use stops that project's sync with a message naming the setting; other projects are not affected.
/// </summary>
public sealed class ProjectSettingsReader(IAyonClient ayon, IOptions<AyonOptions> ayonOptions, IOptions<SyncOptions> syncOptions)
{
    /// <param name="hierarchyPreset">The project's own preset (gateway settings endpoint), which wins over AYON's; null = AYON's / the cluster's.</param>
    public async Task<ProjectSyncSettings> ReadAsync(string ayonProject, CancellationToken cancellationToken, string? hierarchyPreset = null)
    {
        var sync = syncOptions.Value;
        var fallback = new ProjectSyncSettings(sync.DefaultTaskType, sync.DuplicateNamePolicy, "cluster configuration", Preset(sync, name => name == "hierarchy_preset" ? hierarchyPreset : null, "Sync:HierarchyPreset"));
        var a = ayonOptions.Value;
        if (string.IsNullOrWhiteSpace(a.AddonName) || string.IsNullOrWhiteSpace(a.AddonVersion))
        {
            return fallback;
        }

        var settings = await ayon.GetAddonSettingsAsync(a.AddonName, a.AddonVersion, a.SettingsVariant ?? "production", cancellationToken, ayonProject);
        if (settings is null)
        {
            return fallback;
        }

        var taskType = Text(settings, "default_task_type") ?? sync.DefaultTaskType;
        var policy = Text(settings, "duplicate_name_policy") ?? sync.DuplicateNamePolicy;
        if (taskType.Trim().Length == 0)
        {
            throw new SyncSetupException($"The AYON project setting default_task_type of addon {a.AddonName} for project '{ayonProject}' is empty; set a task type.");
        }

        if (policy is not ("suffix" or "skip"))
        {
            throw new SyncSetupException($"The AYON project setting duplicate_name_policy of addon {a.AddonName} for project '{ayonProject}' is '{policy}'; it must be 'suffix' or 'skip'.");
        }

        var hierarchy = Preset(sync, name => (name == "hierarchy_preset" ? hierarchyPreset : null) ?? Text(settings, name), $"AYON project setting hierarchy_preset of addon {a.AddonName} for project '{ayonProject}'");
        return new ProjectSyncSettings(taskType, policy, $"AYON project settings of {a.AddonName} {a.AddonVersion}", hierarchy);
    }

    /// <summary>
    /// The notes switches of the AYON addon's project settings (<c>notes_from_shotgrid</c>, <c>notes_to_shotgrid</c>: the
    /// studio value or the project's override); null when the cluster runs without the addon or AYON does not say.
    /// </summary>
    public async Task<(bool? FromShotGrid, bool? ToShotGrid)> ReadNoteSwitchesAsync(string ayonProject, CancellationToken cancellationToken)
    {
        var a = ayonOptions.Value;
        if (string.IsNullOrWhiteSpace(a.AddonName) || string.IsNullOrWhiteSpace(a.AddonVersion))
        {
            return (null, null);
        }

        var settings = await ayon.GetAddonSettingsAsync(a.AddonName, a.AddonVersion, a.SettingsVariant ?? "production", cancellationToken, ayonProject);
        return settings is null ? (null, null) : (Flag(settings, "notes_from_shotgrid"), Flag(settings, "notes_to_shotgrid"));
    }

    private static bool? Flag(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>The hierarchy preset: each AYON setting when it has one, else the cluster's option.</summary>
    private static HierarchyPreset Preset(SyncOptions sync, Func<string, string?> setting, string where)
    {
        var name = setting("hierarchy_preset") ?? sync.HierarchyPreset;
        if (!HierarchyPreset.TryParseName(name, out var grouped))
        {
            throw new SyncSetupException($"The {where} is '{name}'; it must be '{HierarchyPreset.FlatName}' or '{HierarchyPreset.GroupedName}'.");
        }

        string Named(string settingName, string fallback)
        {
            var value = setting(settingName) ?? fallback;
            return AyonNames.IsValidEntityName(value)
                ? value
                : throw new SyncSetupException($"The AYON setting {settingName} is '{value}', which is not a valid AYON folder name.");
        }

        return new HierarchyPreset(
            grouped,
            Named("hierarchy_shots_folder", sync.HierarchyShotsFolder),
            Named("hierarchy_assets_folder", sync.HierarchyAssetsFolder),
            Named("hierarchy_episodes_folder", sync.HierarchyEpisodesFolder),
            setting("hierarchy_group_folder_type") is { Length: > 0 } type ? type : sync.HierarchyGroupFolderType);
    }

    private static string? Text(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
