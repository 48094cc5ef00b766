using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Mints JWT-shaped (HS256) access tokens like ShotGrid's and checks bearer tokens. Tokens are tracked by jti so
/// <see cref="ExpireAll"/> can invalidate every issued token at once (fault injection).
/// </summary>
internal sealed class TokenService(TimeProvider time, TimeSpan lifetime)
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, StoreActor> _activeTokens = new();
    private readonly ConcurrentDictionary<string, StoreActor> _refreshTokens = new();
    private readonly ConcurrentQueue<string> _issued = new();

    /// <summary>Every access token issued so far, expired ones included (tests check none leaks into logs or status).</summary>
    public IReadOnlyCollection<string> Issued => [.. _issued];

    public int LifetimeSeconds => (int)lifetime.TotalSeconds;

    public (string AccessToken, string RefreshToken) Issue(StoreActor user)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var jti = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = "shotgrid-emulator", ["aud"] = "127.0.0.1", ["iat"] = now, ["exp"] = now + LifetimeSeconds, ["jti"] = jti,
            ["user"] = new JsonObject { ["type"] = user.Type, ["id"] = user.Id },
            ["sudo_as_login"] = null, ["auth_type"] = user.Type == "ApiUser" ? "api_key" : "password", ["session_uuid"] = null,
        };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var token = unsigned + "." + Base64Url(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(unsigned)));
        _activeTokens[jti] = user;
        _issued.Enqueue(token);
        var refresh = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _refreshTokens[refresh] = user;
        return (token, refresh);
    }

    public StoreActor? Redeem(string refreshToken) => _refreshTokens.TryRemove(refreshToken, out var user) ? user : null;

    /// <summary>The user (ApiUser or HumanUser) of a valid, unexpired token; null otherwise.</summary>
    public StoreActor? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = Base64Url(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        var payload = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
        var exp = payload?["exp"]?.GetValue<long>() ?? 0;
        var jti = payload?["jti"]?.GetValue<string>() ?? "";
        if (exp <= time.GetUtcNow().ToUnixTimeSeconds() || !_activeTokens.TryGetValue(jti, out var user))
        {
            return null;
        }

        return user;
    }

    public void ExpireAll()
    {
        _activeTokens.Clear();
        _refreshTokens.Clear();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
