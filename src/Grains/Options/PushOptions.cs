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
    public int EventPageSize { get; set; } = 500;

    /// <summary>How long the project attribute <c>shotgridPush</c> is trusted before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SettingRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
