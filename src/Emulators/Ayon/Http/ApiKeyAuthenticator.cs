using System.Security.Cryptography;
using System.Text;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>API-key authentication as AYON does it: <c>x-api-key</c> or <c>Authorization: ApiKey …</c>.</summary>
internal sealed class ApiKeyAuthenticator(string apiKey)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(apiKey);

    /// <summary>Null when authenticated, else the 401 detail the server would give.</summary>
    public string? Reject(HttpRequest request)
    {
        var key = request.Headers["x-api-key"].FirstOrDefault();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (key is null && authorization is not null)
        {
            var parts = authorization.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("ApiKey", StringComparison.OrdinalIgnoreCase))
            {
                key = parts[1];
            }
            else if (parts.Length == 2 && parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return "Invalid session";
            }
        }

        if (string.IsNullOrEmpty(key))
        {
            return "Access token is missing";
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _expected) ? null : "Invalid API key";
    }

    /// <summary>Routes that answer without credentials.</summary>
    public static bool IsPublic(HttpRequest request) =>
        request.Path.Equals("/api/info", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/", StringComparison.Ordinal);
}
