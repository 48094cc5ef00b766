using System.ComponentModel.DataAnnotations;

namespace AyonShotgrid.Grains.Options;

/// <summary>Connection to the ShotGrid site (section <c>ShotGrid</c>).</summary>
public sealed class ShotGridOptions
{
    public const string Section = "ShotGrid";

    /// <summary>Site URL, e.g. https://studio.shotgrid.autodesk.com.</summary>
    [Required(ErrorMessage = "ShotGrid:Url is required (the ShotGrid site URL, e.g. https://studio.shotgrid.autodesk.com).")]
    [Url(ErrorMessage = "ShotGrid:Url must be an absolute http(s) URL.")]
    public string Url { get; set; } = "";

    /// <summary>Script name (the API user's "client_id").</summary>
    [Required(ErrorMessage = "ShotGrid:ScriptName is required (the name of the ShotGrid script / API user).")]
    public string ScriptName { get; set; } = "";

    /// <summary>Script key ("client_secret"). Secret: set it through the environment (ShotGrid__ApiKey).</summary>
    [Required(ErrorMessage = "ShotGrid:ApiKey is required (the ShotGrid script key; set ShotGrid__ApiKey in the environment).")]
    public string ApiKey { get; set; } = "";

    /// <summary>Name of the site in grain keys. Defaults to the host of <see cref="Url"/>.</summary>
    public string? Site { get; set; }

    /// <summary>ShotGrid Project field that holds the AYON project code.</summary>
    public string ProjectCodeField { get; set; } = "code";

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts for a retried (idempotent) call, including the first.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// How long calls to ShotGrid are refused without being sent once most recent calls failed with an outage (5xx,
    /// timeout, no answer); then one probe decides whether it is back. See docs/reliability.md.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00", ErrorMessage = "ShotGrid:CircuitBreakDuration must be between 0.5 s and 1 h.")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The site's name. Empty while <see cref="Url"/> is not a URL: options validation reads every property, and must
    /// report the URL rather than fail here (consumers only ever see validated options).
    /// </summary>
    public string SiteName => !string.IsNullOrWhiteSpace(Site) || Uri.TryCreate(Url, UriKind.Absolute, out _) ? ResolveSite(Site, Url) : "";

    public static string ResolveSite(string? site, string url) =>
        !string.IsNullOrWhiteSpace(site) ? site.Trim()
        : Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host
        : throw new InvalidOperationException("ShotGrid:Site or a valid ShotGrid:Url is required to name the site.");
}
