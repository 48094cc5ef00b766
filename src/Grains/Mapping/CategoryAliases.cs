namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Category folders are linked by the slug of their asset type (<see cref="NodeKeys.CategoryId"/>), and that slug
/// changed in issue 16 to match ayon-shotgrid's ("FX &amp; Crowd's" was "fx_crowd_s", is "fx_crowds"). A project synced
/// by an earlier release has its category folders linked under the old spelling; without this, its next sync would not
/// find them and would make a second category folder. Such a folder is also known under the key its label — the
/// asset type as ShotGrid spells it — gets today, unless another folder holds that key itself.
/// </summary>
public static class CategoryAliases
{
    /// <summary>The key an AYON AssetCategory folder also answers to, or null when it has none other than <paramref name="linkKey"/>.</summary>
    public static string? AliasOf(string? linkKey, string? folderType, string? label)
    {
        if (linkKey is null || folderType != SyncEntityTypes.AssetCategory || string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var alias = NodeKeys.AssetCategory(label);
        return alias == linkKey ? null : alias;
    }
}
