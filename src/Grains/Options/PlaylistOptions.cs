using System.ComponentModel.DataAnnotations;

namespace AyonShotgrid.Grains.Options;

/// <summary>Playlists ↔ AYON entity lists (section <c>Playlists</c>).</summary>
public sealed class PlaylistOptions
{
    public const string Section = "Playlists";

    /// <summary>
    /// How often a playlist with Versions not linked to AYON yet looks again (a reminder; Orleans reminders are meant
    /// for a minute or more). Linking a Version is written by the push as the cluster's own user, which the leecher ignores.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RelinkPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
