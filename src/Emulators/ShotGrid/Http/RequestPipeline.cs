using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Runs before every route: counts the request, stamps <c>x-request-id</c>, applies latency / outage / queued failures,
/// checks the bearer token, and turns refused requests into the errors envelope.
/// </summary>
internal sealed class RequestPipeline(EmulatorServices services)
{
    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        services.CountRequest();
        if (services.Options.RequestTap is { } tap)
        {
            await tap(ctx);
        }

        var requestId = Guid.NewGuid().ToString("N");
        ctx.Items["sg-request-id"] = requestId;
        ctx.Response.Headers["x-request-id"] = requestId;

        // /api/v1.1 behaves exactly like /api/v1.
        if (ctx.Request.Path.StartsWithSegments("/api/v1.1", out var rest))
        {
            ctx.Request.Path = "/api/v1" + rest;
        }

        var faults = services.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, ctx.RequestAborted);
        }

        if (faults.Down)
        {
            await Responses.Error(ctx, 503, null, "Service Unavailable", "The site is down for maintenance or too busy.");
            return;
        }

        if (faults.TakeFailure(ctx.Request.Path.Value + ctx.Request.QueryString.Value) is { } failure)
        {
            if (failure.RetryAfter is { } wait)
            {
                ctx.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await Responses.Error(ctx, failure.Status, null, ReasonPhrases.GetReasonPhrase(failure.Status), "Injected fault.");
            return;
        }

        if (NeedsToken(ctx.Request))
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            var user = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? services.Tokens.Validate(header[7..].Trim()) : null;
            if (user is null)
            {
                await Responses.Error(ctx, 401, null, "Unauthorized", "Missing, invalid or expired access token.");
                return;
            }

            ctx.Items["sg-actor"] = user;
        }

        try
        {
            await next(ctx);
        }
        catch (ShotGridRequestException e) when (!ctx.Response.HasStarted)
        {
            await Responses.Error(ctx, e);
        }
        catch (Exception e) when (!ctx.Response.HasStarted && e is not OperationCanceledException)
        {
            await Responses.Error(ctx, 500, null, "Shotgun Server Error", e.GetType().Name);
        }
    }

    private static bool NeedsToken(HttpRequest request)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        return path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/v1" && path != "/api/v1/auth/access_token";
    }
}
