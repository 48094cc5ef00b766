using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>GET /api/v1 (no auth) and POST /api/v1/auth/access_token (form-encoded; credentials may also sit in the query string).</summary>
internal static class AuthEndpoints
{
    private const string FormType = "application/x-www-form-urlencoded";

    public static Task Info(HttpContext ctx) => Responses.Json(ctx, 200, new JsonObject
    {
        ["data"] = new JsonObject
        {
            ["shotgun_version"] = "v8.89.0.9724 (build emulator)", ["api_version"] = "v1", ["shotgun_version_number"] = "8.89.0.9724",
            ["shotgun_build_number"] = "emulator", ["portfolio_version"] = "8.89.0.9724", ["unified_login_flow_enabled"] = false,
            ["user_authentication_method"] = "default", ["site_id"] = "1", ["site_name"] = "shotgrid_emulator",
        },
    });

    public static async Task AccessToken(HttpContext ctx, EmulatorServices s)
    {
        var media = Responses.MediaType(ctx);
        if (media.Length > 0 && media != FormType)
        {
            await Responses.UnsupportedContentType(ctx, FormType);
            return;
        }

        var args = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (ctx.Request.HasFormContentType)
        {
            foreach (var (key, value) in await ctx.Request.ReadFormAsync(ctx.RequestAborted))
            {
                args[key] = value.ToString();
            }
        }
        else if (media.Length == 0)
        {
            // A form body without a Content-Type header is read as a form all the same (sg-groundtruth 001: 200).
            using var reader = new StreamReader(ctx.Request.Body);
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await reader.ReadToEndAsync(ctx.RequestAborted)))
            {
                args[key] = value.ToString();
            }
        }

        StoreActor? userId;
        switch (args.GetValueOrDefault("grant_type"))
        {
            case "client_credentials" when string.IsNullOrEmpty(args.GetValueOrDefault("client_id")) || string.IsNullOrEmpty(args.GetValueOrDefault("client_secret")):
                await Responses.Error(ctx, 400, 103, "Missing or invalid authentication arguments", null, new JsonObject());
                return;
            case "client_credentials":
                var name = args.GetValueOrDefault("client_id") ?? "";
                userId = name == s.Options.ScriptName && args.GetValueOrDefault("client_secret") == s.Options.ScriptKey ? new StoreActor("ApiUser", s.ScriptApiUserId) : null;
                if (userId is null)
                {
                    await Responses.Error(ctx, 400, 102, $"Can't authenticate script '{name}'", null, new JsonObject());
                    return;
                }

                break;
            case "password":
                // The seeded HumanUser "admin" may log in (a person editing ShotGrid, for end-to-end runs); anyone else is refused.
                userId = args.GetValueOrDefault("username") == "admin" && args.GetValueOrDefault("password") == s.Options.AdminPassword ? s.Store.DefaultActor : null;
                if (userId is null)
                {
                    await Responses.Error(ctx, 400, 102, $"Can't authenticate user '{args.GetValueOrDefault("username")}'.", null, new JsonObject());
                    return;
                }

                break;
            case "refresh_token" or "refresh":
                userId = s.Tokens.Redeem(args.GetValueOrDefault("refresh_token") ?? "");
                if (userId is null)
                {
                    await Responses.Error(ctx, 401, null, "Unauthorized");
                    return;
                }

                break;
            case null or "":
                await Responses.Error(ctx, 400, 103, "Missing or invalid authentication arguments", null, new JsonObject());
                return;
            default:
                await Responses.Error(ctx, 400, 103, "Unsupported grant_type", null, new JsonObject());
                return;
        }

        var (access, refresh) = s.Tokens.Issue(userId);
        await Responses.Json(ctx, 200, new JsonObject
        {
            ["token_type"] = "Bearer", ["access_token"] = access, ["expires_in"] = s.Tokens.LifetimeSeconds, ["refresh_token"] = refresh,
        });
    }
}
