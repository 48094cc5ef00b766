
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Push;

/// <summary>Which AYON folders become which ShotGrid entities, and which entity type a parent link field points at.</summary>
public static class PushTargets
{
    /// <summary>The ShotGrid type of an AYON folder type; null for AssetCategory, Folder and others (not ShotGrid entities).</summary>
    public static string? ShotGridType(string folderType) =>
        SyncEntityTypes.IsFolderEntity(folderType) ? folderType : null;

    /// <summary>The entity type a navchain link field holds; null when the field is not one of the stock ones (then any parent type is sent).</summary>
    public static string? LinkTarget(string field) => field switch
    {
        "sg_sequence" => SyncEntityTypes.Sequence,
        "episode" or "sg_episode" => SyncEntityTypes.Episode,
        "sg_scene" => SyncEntityTypes.Scene,
        _ => null,
    };

    /// <summary>The ShotGrid field an AYON label goes to.</summary>
    public static string NameField(string sgType) => sgType == SyncEntityTypes.Task ? "content" : "code";

    /// <summary>The field that carries the AYON id in ShotGrid (Prepare adds it where it is missing).</summary>
    public const string AyonIdField = "sg_ayon_id";

    /// <summary>The AYON project attribute that switches the push on.</summary>
    public const string PushAttribute = "shotgridPush";

    /// <summary>What an AYON version becomes, with a PublishedFile (of a site-wide PublishedFileType) per representation.</summary>
    public const string Version = "Version";
    public const string PublishedFile = "PublishedFile";
    public const string PublishedFileType = "PublishedFileType";

    /// <summary>Every ShotGrid type the push writes, each needing <see cref="AyonIdField"/>.</summary>
    public static readonly IReadOnlyList<string> WrittenTypes = [.. SyncEntityTypes.FolderEntities, SyncEntityTypes.Task, Version, PublishedFile];
}
