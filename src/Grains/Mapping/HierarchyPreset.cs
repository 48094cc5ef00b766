namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Where ShotGrid entities that sit at the top of ShotGrid's navigation land in AYON. <c>flat</c> (the default) mirrors
/// ShotGrid under the project root; <c>grouped</c> puts them in grouping folders: episodes under <see cref="EpisodesFolder"/>,
/// sequences, scenes and shots without a parent under <see cref="ShotsFolder"/>, asset categories (and assets without a
/// type) under <see cref="AssetsFolder"/>. Children keep their ShotGrid parents, so <c>shots/sq010/sh010</c>,
/// <c>assets/prop/chair</c>, <c>episodes/ep01/sq010/sh010</c>.
/// </summary>
/// <param name="GroupFolderType">AYON folder type of the grouping folders (the project's anatomy must have it).</param>
[GenerateSerializer, Immutable, Alias("ayonsg.hierarchy-preset.v1")]
public sealed record HierarchyPreset(
    bool Grouped,
    string ShotsFolder = "shots",
    string AssetsFolder = "assets",
    string EpisodesFolder = "episodes",
    string GroupFolderType = SyncEntityTypes.Folder)
{
    public const string FlatName = "flat";
    public const string GroupedName = "grouped";

    /// <summary>The grouping roles; a grouping folder is linked by its role (shotgridType HierarchyGroup, shotgridId role), so renaming it keeps the link.</summary>
    public const string Shots = "shots";
    public const string Assets = "assets";
    public const string Episodes = "episodes";

    public static HierarchyPreset Flat { get; } = new(false);

    public string Name => Grouped ? GroupedName : FlatName;

    /// <summary>The grouping role a top-level entity of <paramref name="sgType"/> goes under, or null when it stays at the root.</summary>
    public string? RoleOf(string sgType) => !Grouped ? null : sgType switch
    {
        SyncEntityTypes.Episode => Episodes,
        SyncEntityTypes.Sequence or SyncEntityTypes.Scene or SyncEntityTypes.Shot => Shots,
        SyncEntityTypes.Asset or SyncEntityTypes.AssetCategory => Assets,
        _ => null,
    };

    /// <summary>The folder name of a grouping role.</summary>
    public string FolderOf(string role) => role switch
    {
        Shots => ShotsFolder,
        Assets => AssetsFolder,
        Episodes => EpisodesFolder,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a grouping role"),
    };

    /// <summary>"flat" or "grouped"; anything else is refused with the setting's name.</summary>
    public static bool TryParseName(string? name, out bool grouped)
    {
        grouped = name == GroupedName;
        return name is FlatName or GroupedName;
    }
}
