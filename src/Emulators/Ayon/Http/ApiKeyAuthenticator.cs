using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// API-key authentication as AYON does it: <c>x-api-key</c> or <c>Authorization: ApiKey …</c>. A wrong key is
/// "Invalid API key" the first time and "Invalid session" when repeated within 60 s (the server caches it).
/// Only hashes of wrong keys are kept.
/// </summary>
internal sealed class ApiKeyAuthenticator(string apiKey, TimeProvider time)
{
    private static readonly TimeSpan WrongKeyMemory = TimeSpan.FromSeconds(60);
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(apiKey);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentWrongKeys = new(StringComparer.Ordinal);

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

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _expected))
        {
            return null;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = time.GetUtcNow();
        var seenRecently = _recentWrongKeys.TryGetValue(hash, out var seen) && now - seen < WrongKeyMemory;
        if (!seenRecently)
        {
            _recentWrongKeys[hash] = now;
        }

        return seenRecently ? "Invalid session" : "Invalid API key";
    }

    /// <summary>Routes that answer without credentials.</summary>
    public static bool IsPublic(HttpRequest request) =>
        request.Path.Equals("/api/info", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/", StringComparison.Ordinal);
}
