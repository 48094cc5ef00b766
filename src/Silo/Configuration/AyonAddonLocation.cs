namespace AyonShotgrid.Silo.Configuration;

/// <summary>Which AYON server and addon the settings are read from. The key is only used for the requests.</summary>
public sealed record AyonAddonLocation(Uri ServerUrl, string ApiKey, string Addon, string Version, string Variant)
{
    public override string ToString() => $"{Addon} {Version} ({Variant}) on {ServerUrl}";
}
