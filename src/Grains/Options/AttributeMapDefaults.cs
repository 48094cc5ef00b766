namespace AyonShotgrid.Grains.Options;

/// <summary>
/// The attribute map a site gets without configuring one. Stock ShotGrid has the cut and head/tail fields on Shot and a
/// description on every type; frame rate and resolution are the custom fields studios commonly add (<c>sg_fps</c>,
/// <c>sg_resolution_width</c>, <c>sg_resolution_height</c>). A default whose ShotGrid field the site lacks is left out quietly.
/// </summary>
public static class AttributeMapDefaults
{
    private static readonly Dictionary<string, string> FolderCommon = new(StringComparer.Ordinal)
    {
        ["description"] = "description",
        ["sg_fps"] = "fps",
        ["sg_resolution_width"] = "resolutionWidth",
        ["sg_resolution_height"] = "resolutionHeight",
    };

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Map { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["Episode"] = FolderCommon,
            ["Sequence"] = FolderCommon,
            ["Scene"] = FolderCommon,
            ["Shot"] = new Dictionary<string, string>(FolderCommon, StringComparer.Ordinal)
            {
                ["sg_cut_in"] = "frameStart",
                ["sg_cut_out"] = "frameEnd",
                ["sg_head_in"] = "clipIn",
                ["sg_tail_out"] = "clipOut",
            },
            ["Asset"] = FolderCommon,
            ["Task"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["sg_description"] = "description" },
        };
}
