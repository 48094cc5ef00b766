using System.Net;
using Microsoft.Extensions.Configuration;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>Orleans settings from configuration (section <c>Orleans</c>, plus <c>ConnectionStrings:Orleans</c>).</summary>
public sealed record ClusterSettings(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress? AdvertisedAddress, string? ConnectionString)
{
    public const string DefaultClusterId = "ayon-shotgrid";

    public static ClusterSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        var advertised = section["AdvertisedIP"];
        return new ClusterSettings(
            section["ClusterId"] ?? DefaultClusterId,
            section["ServiceId"] ?? DefaultClusterId,
            ParsePort(section, "SiloPort", 11111),
            ParsePort(section, "GatewayPort", 30000),
            string.IsNullOrWhiteSpace(advertised) ? null : IPAddress.TryParse(advertised, out var ip) ? ip
                : throw new InvalidOperationException($"Orleans:AdvertisedIP '{advertised}' is not an IP address."),
            configuration.GetConnectionString("Orleans") is { Length: > 0 } cs ? cs : null);
    }

    private static int ParsePort(IConfigurationSection section, string key, int fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
        : int.TryParse(text, out var port) && port is >= 0 and <= 65535 ? port
        : throw new InvalidOperationException($"Orleans:{key} '{text}' is not a port number.");
}
