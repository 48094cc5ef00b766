using System.Security.Cryptography;
using System.Text;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>
/// HTTP Basic authentication in front of the Orleans dashboard (which has none of its own). Credentials come from
/// <c>Dashboard:Username</c>/<c>Dashboard:Password</c>; <c>Dashboard:AllowAnonymous=true</c> opens it (the demo does).
/// Without either the dashboard refuses every request rather than exposing grain state, and is not loaded at all.
/// </summary>
public static class DashboardAuthentication
{
    /// <summary>Whether anyone can open the dashboard: anonymous access, or a username and a password to check.</summary>
    public static bool IsOpen(IConfiguration configuration)
    {
        var section = configuration.GetSection("Dashboard");
        return section.GetValue<bool>("AllowAnonymous") || (!string.IsNullOrEmpty(section["Username"]) && !string.IsNullOrEmpty(section["Password"]));
    }

    public static WebApplication UseDashboardAuthentication(this WebApplication app)
    {
        var section = app.Configuration.GetSection("Dashboard");
        var anonymous = section.GetValue<bool>("AllowAnonymous");
        var user = section["Username"];
        var password = section["Password"];
        app.UseWhen(
            ctx => ctx.Request.Path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (ctx, next) =>
            {
                if (anonymous || IsAuthorized(ctx.Request.Headers.Authorization.ToString(), user, password))
                {
                    await next(ctx);
                    return;
                }

                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans dashboard\"";
                await ctx.Response.WriteAsync(string.IsNullOrEmpty(password)
                    ? "The dashboard is locked: set Dashboard:Username and Dashboard:Password (or Dashboard:AllowAnonymous=true on a trusted network)."
                    : "Authentication required.");
            }));
        return app;
    }

    private static bool IsAuthorized(string header, string? user, string? password)
    {
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password) || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{user}:{password}");
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded), expected);
    }
}
