using System.ComponentModel.DataAnnotations;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>Gateway settings (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Value callers send in the <c>x-api-key</c> header (as AYON does). Secret: set Gateway__ApiKey in the environment.</summary>
    [Required(ErrorMessage = "Gateway:ApiKey is required: the key callers send in the x-api-key header (set Gateway__ApiKey).")]
    [MinLength(8, ErrorMessage = "Gateway:ApiKey must be at least 8 characters.")]
    public string ApiKey { get; set; } = "";

    /// <summary>ShotGrid site name used in grain keys; defaults to the host of ShotGrid:Url (the silo's rule).</summary>
    public string? Site { get; set; }
}
