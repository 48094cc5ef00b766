using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>JSON bodies and ShotGrid's errors envelope <c>{"errors":[{id,status,code,title,detail,source,meta}]}</c>.</summary>
internal static class Responses
{
    // Links carry '&' and names may carry any text; keep them readable like ShotGrid does.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task Json(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        // Straight to the response stream: event pages can be several MB.
        await using var writer = new System.Text.Json.Utf8JsonWriter(ctx.Response.BodyWriter, new System.Text.Json.JsonWriterOptions { Encoder = Relaxed.Encoder });
        body.WriteTo(writer, Relaxed);
        await writer.FlushAsync(ctx.RequestAborted);
    }

    /// <summary>Real ShotGrid sends no <c>x-request-id</c> with an error: the envelope's <c>id</c> is the only handle (recorded pairs).</summary>
    public static Task Error(HttpContext ctx, int status, int? code, string title, string? detail = null, JsonNode? source = null)
    {
        ctx.Response.Headers.Remove("x-request-id");
        return Json(ctx, status, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["id"] = ctx.Items["sg-request-id"] as string ?? Guid.NewGuid().ToString("N"),
                ["status"] = status, ["code"] = code, ["title"] = title, ["detail"] = detail, ["source"] = source?.DeepClone(), ["meta"] = null,
            }),
        });
    }

    public static Task Error(HttpContext ctx, ShotGridRequestException e) => Error(ctx, e.Status, e.Code, e.Title, e.Detail, e.ErrorSource);

    public static Task UnsupportedContentType(HttpContext ctx, params string[] allowed) =>
        Error(ctx, 415, 103, $"Unsupported Content-Type '{ctx.Request.ContentType}'", null,
            new JsonObject { ["content_type"] = $"Content-Type must be one of: {string.Join(", ", allowed.Select(a => $"'{a}'"))}" });

    public static string MediaType(HttpContext ctx) =>
        (ctx.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    public static async Task<JsonNode?> ReadBody(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync(ctx.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw ShotGridRequestException.BadRequest("Request body is not valid JSON.");
        }
    }
}
