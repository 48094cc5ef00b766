using System.Text;
using System.Text.Json;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Reads the <c>user</c> claim of a ShotGrid access token. ShotGrid has no "who am I" route, so the token is the only
/// place the script's ApiUser id appears. The signature is not checked: we minted the token ourselves over TLS.
/// </summary>
internal static class ShotGridJwt
{
    public static long? ReadUserId(string token)
    {
        var parts = token.Split('.');
        if (parts.Length < 2 || !TryDecodeBase64Url(parts[1], out var payload))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("user", out var user)
                && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("id", out var id)
                && id.TryInt64(out var value)
                    ? value
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDecodeBase64Url(string segment, out byte[] bytes)
    {
        var base64 = new StringBuilder(segment.Replace('-', '+').Replace('_', '/'));
        while (base64.Length % 4 != 0)
        {
            base64.Append('=');
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.ToString(), buffer, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
