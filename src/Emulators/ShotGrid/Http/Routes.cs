using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>The REST route table. Literal segments (_batch, _search, _summarize) win over {type} and {id}.</summary>
internal static class Routes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorServices s)
    {
        app.MapGet("/api/v1", AuthEndpoints.Info);
        app.MapPost("/api/v1/auth/access_token", (HttpContext ctx) => AuthEndpoints.AccessToken(ctx, s));

        app.MapPost("/api/v1/entity/_batch", (HttpContext ctx) => BatchEndpoint.Post(ctx, s));
        app.MapGet("/api/v1/entity/{type}", (HttpContext ctx, string type) => EntityReadEndpoints.List(ctx, s, type));
        app.MapPost("/api/v1/entity/{type}/_search", (HttpContext ctx, string type) => EntityReadEndpoints.Search(ctx, s, type));
        app.MapPost("/api/v1/entity/{type}/_summarize", (HttpContext ctx, string type) => EntityReadEndpoints.Summarize(ctx, s, type));
        app.MapGet("/api/v1/entity/{type}/{id:long}", (HttpContext ctx, string type, long id) => EntityReadEndpoints.Read(ctx, s, type, id));
        app.MapPost("/api/v1/entity/{type}", (HttpContext ctx, string type) => EntityWriteEndpoints.Create(ctx, s, type));
        app.MapPut("/api/v1/entity/{type}/{id:long}", (HttpContext ctx, string type, long id) => EntityWriteEndpoints.Update(ctx, s, type, id));
        app.MapDelete("/api/v1/entity/{type}/{id:long}", (HttpContext ctx, string type, long id) => EntityWriteEndpoints.Delete(ctx, s, type, id));
        app.MapPost("/api/v1/entity/{type}/{id:long}", (HttpContext ctx, string type, long id) => EntityWriteEndpoints.Revive(ctx, s, type, id));

        app.MapGet("/api/v1/schema", (HttpContext ctx) => SchemaEndpoints.All(ctx, s));
        app.MapGet("/api/v1/schema/{type}", (HttpContext ctx, string type) => SchemaEndpoints.Type(ctx, s, type));
        app.MapGet("/api/v1/schema/{type}/fields", (HttpContext ctx, string type) => SchemaEndpoints.Fields(ctx, s, type));
        app.MapGet("/api/v1/schema/{type}/fields/{field}", (HttpContext ctx, string type, string field) => SchemaEndpoints.Field(ctx, s, type, field));

        app.MapFallback((HttpContext ctx) => Responses.Error(ctx, 404, 103, "Not Found", $"Route '{ctx.Request.Method} {ctx.Request.Path}' does not exist."));
    }
}
