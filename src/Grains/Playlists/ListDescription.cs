namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// A Playlist's description and its list's <c>attrib.description</c> compared as one value: empty and missing are the
/// same (null), so a playlist without one and a list whose description was cleared to "" do not write each other forever.
/// </summary>
public static class ListDescription
{
    public static string? Of(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
