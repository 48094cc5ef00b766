namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// How an AYON entity is tied to its ShotGrid source: attributes <c>shotgridType</c> + <c>shotgridId</c>.
/// Asset categories have no ShotGrid entity; their id is the slug of the asset type (as ayon-shotgrid does).
/// </summary>
public static class NodeKeys
{
    public const string AttribId = "shotgridId";
    public const string AttribType = "shotgridType";

    public static string Of(string shotgridType, long id) => $"{shotgridType}:{id}";

    public static string Of(string shotgridType, string id) => $"{shotgridType}:{id}";

    public static string AssetCategory(string assetType) => Of(SyncEntityTypes.AssetCategory, CategoryId(assetType));

    /// <summary>The grouping folder of a <see cref="HierarchyPreset"/> role ("shots", "assets", "episodes").</summary>
    public static string Group(string role) => Of(SyncEntityTypes.HierarchyGroup, role);

    /// <summary>
    /// Category folders are named and identified by the lower-case slug of the asset type ("Matte Painting" →
    /// "matte_painting", "FX &amp; Crowd's" → "fx_crowds"), as ayon-shotgrid names them. Folders made by releases before
    /// issue 16 carry an older spelling: <see cref="CategoryAliases"/> finds them.
    /// </summary>
    public static string CategoryId(string assetType) => AyonNames.CategoryName(assetType);

    /// <summary>The key of an AYON entity from its attributes, or null when it is not linked to ShotGrid.</summary>
    public static string? FromAttrib(IReadOnlyDictionary<string, string?> attrib) =>
        attrib.TryGetValue(AttribType, out var type) && attrib.TryGetValue(AttribId, out var id)
            && !string.IsNullOrEmpty(type) && !string.IsNullOrEmpty(id)
            ? Of(type, id)
            : null;
}
