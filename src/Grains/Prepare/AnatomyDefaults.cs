using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Prepare;

/// <summary>What Prepare Project puts into an AYON project's anatomy.</summary>
public static class AnatomyDefaults
{
    /// <summary>The ShotGrid attributes on AYON entities: strings, not inherited (a child must never carry its parent's ShotGrid id).</summary>
    public static readonly IReadOnlyList<AyonAttribute> Attributes =
    [
        new(NodeKeys.AttribId, ["project", "folder", "task", "version"], "string", "ShotGrid ID", Inherit: false, Position: 900, Description: "Id of the ShotGrid entity this mirrors (set by the ShotGrid sync)."),
        new(NodeKeys.AttribType, ["project", "folder", "task", "version"], "string", "ShotGrid Type", Inherit: false, Position: 901, Description: "Type of the ShotGrid entity this mirrors (set by the ShotGrid sync)."),
        new(Push.PushTargets.PushAttribute, ["project"], "boolean", "Push to ShotGrid", Inherit: false, Position: 902, Description: "Push what is created and changed in this AYON project to ShotGrid (off by default)."),
    ];

    private static readonly Dictionary<string, (string Short, string Icon, string Color)> FolderTypeLooks = new(StringComparer.Ordinal)
    {
        [SyncEntityTypes.Episode] = ("ep", "live_tv", "#9c6ade"),
        [SyncEntityTypes.Sequence] = ("sq", "theaters", "#5b9bd5"),
        [SyncEntityTypes.Scene] = ("sc", "movie_filter", "#4fb0a5"),
        [SyncEntityTypes.Shot] = ("sh", "movie", "#e0a23a"),
        [SyncEntityTypes.Asset] = ("", "category", "#7fbf5f"),
        [SyncEntityTypes.AssetCategory] = ("", "folder_special", "#8a9a5b"),
        [SyncEntityTypes.Folder] = ("", "folder", "#cccccc"),
    };

    public static IReadOnlyList<AyonFolderType> FolderTypes { get; } = SyncEntityTypes.FolderTypes
        .Select(t => FolderTypeLooks.TryGetValue(t, out var look) ? new AyonFolderType(t, look.Short, look.Color, look.Icon) : new AyonFolderType(t))
        .ToList();

    /// <summary>AYON status state for a ShotGrid status code (ShotGrid has no such notion; these are its stock codes).</summary>
    public static string StateFor(string sgCode) => sgCode.ToLowerInvariant() switch
    {
        "fin" or "apr" or "cmpt" or "cmplt" or "done" or "dlvr" => "done",
        "ip" or "rev" or "pndng" or "rtk" or "vwd" => "in_progress",
        "hld" or "omt" or "dis" or "na" or "cbb" or "cut" => "blocked",
        _ => "not_started",
    };
}
