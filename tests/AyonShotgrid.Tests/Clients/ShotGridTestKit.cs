using System.Text;
using System.Text.Json;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Tests.Clients;

/// <summary>Canned ShotGrid answers and a client pointed at a loopback server.</summary>
internal static class ShotGridTestKit
{
    public const string ScriptName = "ayon_sync";
    public const string ScriptKey = "sg-script-key-7f3a9c1e5b";
    public const string TokenPath = "/api/v1/auth/access_token";
    public const string ShotSearchPath = "/api/v1/entity/shots/_search";

    public static ShotGridClient Client(
        LoopbackServer server, TimeProvider time, int maxAttempts = 3, TimeSpan? timeout = null, ILogger<ShotGridClient>? logger = null) =>
        new(
            Options.Create(new ShotGridOptions
            {
                Url = server.Url,
                ScriptName = ScriptName,
                ApiKey = ScriptKey,
                MaxAttempts = maxAttempts,
                RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            }),
            logger ?? NullLogger<ShotGridClient>.Instance,
            time);

    /// <summary>An unsigned JWT shaped like ShotGrid's, numbered so tests can tell tokens apart.</summary>
    public static string Jwt(long apiUserId, int serial)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = JsonSerializer.Serialize(new { iss = "sg", exp = 1, jti = $"t{serial}", user = new { type = "ApiUser", id = apiUserId }, auth_type = "api_key" });
        return $"{Encode("""{"alg":"HS256","typ":"JWT"}""")}.{Encode(payload)}.sig{serial}";
    }

    public static Task WriteTokenAsync(HttpContext context, int serial, int expiresIn = 600) =>
        LoopbackServer.WriteJsonAsync(context, 200, JsonSerializer.Serialize(new
        {
            token_type = "Bearer",
            access_token = Jwt(42, serial),
            expires_in = expiresIn,
            refresh_token = "refresh",
        }));

    public static string Records(string type, IEnumerable<long> ids, string slug) => JsonSerializer.Serialize(new
    {
        data = ids.Select(id => new
        {
            type,
            id,
            attributes = new Dictionary<string, object?> { ["code"] = $"{type.ToLowerInvariant()}{id}" },
            relationships = new Dictionary<string, object>(),
            links = new { self = $"/api/v1/entity/{slug}/{id}" },
        }),
        // ShotGrid sends next on every page, including the last one.
        links = new { self = $"/api/v1/entity/{slug}/_search", next = $"/api/v1/entity/{slug}/_search?page[number]=99" },
    });

    public static string Error(int status, int code, string title, string? detail = null) =>
        JsonSerializer.Serialize(new { errors = new[] { new { id = "req-1", status, code, title, detail, source = (object?)null, meta = (object?)null } } });
}
