using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>Every <c>/api</c> route needs the <c>x-api-key</c> header (compared in constant time); health, OpenAPI and the page stay open.</summary>
public static class ApiKeyAuthentication
{
    public const string Header = "x-api-key";

    public static WebApplication UseApiKeyAuthentication(this WebApplication app)
    {
        app.UseWhen(
            ctx => ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (ctx, next) =>
            {
                var expected = ctx.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.ApiKey;
                var given = ctx.Request.Headers[Header].ToString();
                if (given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
                {
                    await next(ctx);
                    return;
                }

                await Results.Problem(
                    title: "Unauthorized",
                    detail: given.Length == 0 ? $"The {Header} header is missing." : $"The {Header} header is not valid.",
                    statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(ctx);
            }));
        return app;
    }
}
