using System.ComponentModel.DataAnnotations;

namespace AyonShotgrid.Grains.Options;

/// <summary>Connection to the AYON server (section <c>Ayon</c>; <c>AYON_SERVER_URL</c>/<c>AYON_API_KEY</c> also work).</summary>
public sealed class AyonOptions
{
    public const string Section = "Ayon";

    [Required(ErrorMessage = "Ayon:Url is required (or AYON_SERVER_URL), e.g. http://ayon:5000.")]
    [Url(ErrorMessage = "Ayon:Url must be an absolute http(s) URL.")]
    public string Url { get; set; } = "";

    /// <summary>Service user API key. Secret: set it through the environment (Ayon__ApiKey or AYON_API_KEY).</summary>
    [Required(ErrorMessage = "Ayon:ApiKey is required (or AYON_API_KEY): the API key of an AYON service user.")]
    public string ApiKey { get; set; } = "";

    /// <summary>Sent as x-sender-type so AYON-side listeners can ignore the integration's own writes.</summary>
    public string SenderType { get; set; } = "shotgrid";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// How long calls to Ayon are refused without being sent once most recent calls failed with an outage (5xx,
    /// timeout, no answer); then one probe decides whether it is back. See docs/reliability.md.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00", ErrorMessage = "Ayon:CircuitBreakDuration must be between 0.5 s and 1 h.")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Restart AYON after adding attributes (AYON only accepts new attributes after a restart).</summary>
    public bool RestartAfterAttributeChange { get; set; } = true;

    /// <summary>How long to wait for AYON to answer again after a restart.</summary>
    public TimeSpan RestartTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The AYON addon whose project settings override sync settings per project (AYON_ADDON_NAME when unset).</summary>
    public string? AddonName { get; set; }

    /// <summary>Its version (AYON_ADDON_VERSION when unset).</summary>
    public string? AddonVersion { get; set; }

    /// <summary>Settings variant to read (AYON_SETTINGS_VARIANT when unset, else production).</summary>
    public string? SettingsVariant { get; set; }
}
