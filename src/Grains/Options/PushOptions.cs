using System.ComponentModel.DataAnnotations;

namespace AyonShotgrid.Grains.Options;

/// <summary>The AYON → ShotGrid direction (section <c>Push</c>). Whether a project is pushed is its AYON attribute <c>shotgridPush</c>.</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>Whether this cluster follows AYON's event streams at all (the per-project switch still decides what is pushed).</summary>
    public bool FollowerEnabled { get; set; } = true;

    /// <summary>Requests per ShotGrid <c>_batch</c> (all-or-nothing on ShotGrid's side; about 200 is the recorded safe size).</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 100;

    /// <summary>AYON events read per page (GraphQL <c>first</c>).</summary>
    [Range(1, 1000)]
    public int EventPageSize { get; set; } = 1000;

    /// <summary>
    /// Events pushed together in one round (read page by page). Larger rounds share ShotGrid lookups and batches across a
    /// burst; the cursor moves once per round, so a silo lost mid-round replays at most this many events.
    /// </summary>
    [Range(1, 50_000)]
    public int MaxEventsPerRound { get; set; } = 5_000;

    /// <summary>How long the project attribute <c>shotgridPush</c> is trusted before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SettingRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a folder, task or version deleted in AYON retires its ShotGrid entity (a <c>_batch</c> delete; ShotGrid can
    /// revive it). Off by default: the ShotGrid entity is kept and the project status reports "deleted in AYON, kept in
    /// ShotGrid".
    /// </summary>
    public bool RetireDeleted { get; set; }
}
