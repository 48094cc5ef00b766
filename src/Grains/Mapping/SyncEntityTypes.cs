namespace AyonShotgrid.Grains.Mapping;

/// <summary>The ShotGrid entity types the sync mirrors, and the AYON folder types they become.</summary>
public static class SyncEntityTypes
{
    public const string Project = "Project";
    public const string Episode = "Episode";
    public const string Sequence = "Sequence";
    public const string Scene = "Scene";
    public const string Shot = "Shot";
    public const string Asset = "Asset";
    public const string Task = "Task";
    public const string Step = "Step";

    /// <summary>AYON folder type of the folders that group assets by their ShotGrid asset type.</summary>
    public const string AssetCategory = "AssetCategory";

    /// <summary>Pseudo ShotGrid type of the grouping folders of a <see cref="HierarchyPreset"/> (linked by role, not by a ShotGrid id).</summary>
    public const string HierarchyGroup = "HierarchyGroup";

    /// <summary>Generic AYON folder type (kept for hand-made folders and parity with ayon-shotgrid).</summary>
    public const string Folder = "Folder";

    /// <summary>ShotGrid types that become AYON folders, parents before children where a default navchain applies.</summary>
    public static readonly IReadOnlyList<string> FolderEntities = [Episode, Sequence, Scene, Shot, Asset];

    /// <summary>Folder types Prepare Project makes sure exist.</summary>
    public static readonly IReadOnlyList<string> FolderTypes = [Episode, Sequence, Scene, Shot, Asset, AssetCategory, Folder];

    public static bool IsFolderEntity(string type) => FolderEntities.Contains(type, StringComparer.Ordinal);
}
