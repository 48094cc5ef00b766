namespace AyonShotgrid.Gateway.Hosting;

/// <summary>The ShotGrid site the gateway addresses. Must match the silo's: Gateway:Site, else ShotGrid:Site, else the host of ShotGrid:Url.</summary>
public sealed record SiteName(string Value)
{
    public static SiteName From(IConfiguration configuration)
    {
        var explicitSite = configuration["Gateway:Site"] ?? configuration["ShotGrid:Site"];
        if (!string.IsNullOrWhiteSpace(explicitSite))
        {
            return new SiteName(explicitSite.Trim());
        }

        return Uri.TryCreate(configuration["ShotGrid:Url"], UriKind.Absolute, out var url)
            ? new SiteName(url.Host)
            : throw new InvalidOperationException("ShotGrid:Url (or Gateway:Site) is required: the gateway names project grains by ShotGrid site.");
    }
}
