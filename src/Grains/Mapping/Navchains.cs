using System.Text.Json;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Where each ShotGrid entity type sits in the hierarchy, from the project's <c>tracking_settings.navchains</c>:
/// <c>{"Shot": "sg_sequence", "Sequence": "episode", "Asset": "sg_asset_type", "Episode": "__flat__"}</c>.
/// A value may name a chain ("sg_scene,Scene.sg_sequence"); the first element is the direct parent link. ShotGrid spells a
/// field with or without the entity's own type as a prefix ("Shot.sg_sequence"); the prefix is dropped, as the
/// ayon-shotgrid addon does (<c>get_sg_project_enabled_entities</c>), so every spelling places entities alike.
/// </summary>
public sealed class Navchains
{
    public const string Flat = "__flat__";

    /// <summary>What a project without tracking settings gets: the usual Episode › Sequence › Shot tree.</summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [SyncEntityTypes.Episode] = Flat,
        [SyncEntityTypes.Sequence] = "episode",
        [SyncEntityTypes.Scene] = "sg_sequence",
        [SyncEntityTypes.Shot] = "sg_sequence",
        [SyncEntityTypes.Asset] = "sg_asset_type",
    };

    private readonly IReadOnlyDictionary<string, string> _chains;

    private Navchains(IReadOnlyDictionary<string, string> chains) => _chains = chains;

    public static Navchains Default { get; } = new(Defaults);

    /// <summary>Reads the navchains out of a project's tracking_settings value (object or JSON string); defaults when absent.</summary>
    public static Navchains FromTrackingSettings(JsonElement? trackingSettings)
    {
        var element = trackingSettings;
        if (element is { ValueKind: JsonValueKind.String } s)
        {
            try
            {
                element = JsonDocument.Parse(s.GetString() ?? "{}").RootElement;
            }
            catch (JsonException)
            {
                return Default;
            }
        }

        if (element is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty("navchains", out var chains) || chains.ValueKind != JsonValueKind.Object)
        {
            return Default;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in chains.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                map[property.Name] = property.Value.GetString() ?? Flat;
            }
        }

        return new Navchains(map);
    }

    public static Navchains From(IReadOnlyDictionary<string, string> chains) => new(new Dictionary<string, string>(chains, StringComparer.Ordinal));

    /// <summary>The link field that holds an entity's parent, or null when the type sits directly under the project.</summary>
    public string? ParentField(string entityType)
    {
        if (!_chains.TryGetValue(entityType, out var chain) || string.IsNullOrWhiteSpace(chain))
        {
            return null;
        }

        var first = chain.Split(',', 2)[0].Trim().Replace(entityType + ".", "", StringComparison.Ordinal);
        return first.Length == 0 || first == Flat ? null : first;
    }

    /// <summary>The navchain as the project spells it (for messages), or null when the type has none.</summary>
    public string? Chain(string entityType) => _chains.GetValueOrDefault(entityType);

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>(_chains, StringComparer.Ordinal);
}
