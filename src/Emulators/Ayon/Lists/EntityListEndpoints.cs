using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// <c>/api/projects/{p}/lists</c> (AYON 1.15.18 api/entity_lists): create 201 with the summary, get, patch 204,
/// delete 204; items: add 201, patch (replace/merge/delete) 200, remove 200, each with a JSON null body. A taken label
/// is answered 500 with the unique violation in the body, as the real server does (measured).
/// </summary>
internal static class EntityListEndpoints
{
    public static void MapEntityListEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapPost("/api/projects/{project}/lists", async (string project, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            return Write(store, project, http, (ctx, user) => EntityListWriter.Create(ctx, user, body), StatusCodes.Status201Created);
        });

        app.MapGet("/api/projects/{project}/lists/{id}", (string project, string id, HttpRequest request) => store.Locked(() =>
        {
            var list = RouteChecks.Project(store, project).Lists.Get(id) ?? throw AyonProblem.NotFound($"Entity list {id} not found");
            var metadataOnly = string.Equals(request.Query["metadata_only"], "true", StringComparison.OrdinalIgnoreCase);
            return AyonResults.Json(EntityListJson.Model(list, metadataOnly));
        }));

        app.MapPatch("/api/projects/{project}/lists/{id}", async (string project, string id, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            Write(store, project, http, (ctx, user) => { EntityListWriter.Patch(ctx, user, id, body); return null; }, 0);
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/projects/{project}/lists/{id}", (string project, string id, HttpContext http) =>
        {
            Write(store, project, http, (ctx, _) => { EntityListWriter.Delete(ctx, id); return null; }, 0);
            return AyonResults.NoContent();
        });

        app.MapPost("/api/projects/{project}/lists/{id}/items", async (string project, string id, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            return Write(store, project, http, (ctx, user) => { EntityListWriter.AddItem(ctx, user, id, body); return null; }, StatusCodes.Status201Created);
        });

        app.MapPatch("/api/projects/{project}/lists/{id}/items", async (string project, string id, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            return Write(store, project, http, (ctx, user) => { EntityListWriter.PatchItems(ctx, user, id, body); return null; }, StatusCodes.Status200OK);
        });

        app.MapDelete("/api/projects/{project}/lists/{id}/items/{itemId}", (string project, string id, string itemId, HttpContext http) =>
            Write(store, project, http, (ctx, user) => { EntityListWriter.RemoveItem(ctx, user, id, itemId); return null; }, StatusCodes.Status200OK));
    }

    private static IResult Write(AyonStore store, string project, HttpContext http, Func<WriteContext, string, JsonNode?> write, int status)
    {
        var origin = RequestOriginReader.From(http);
        try
        {
            var answer = store.WriteProject(project, origin, ctx => write(ctx, origin.User));
            return AyonResults.Json(answer, status);
        }
        catch (AyonProblem problem) when (problem.ErrorCode == "unique-violation")
        {
            return AyonResults.Json(
                new JsonObject
                {
                    ["path"] = $"[{http.Request.Method}] {http.Request.Path.Value?.Replace("/api", "", StringComparison.Ordinal)}",
                    ["detail"] = problem.Detail,
                    ["error"] = "unique-violation",
                    ["code"] = 409,
                },
                StatusCodes.Status500InternalServerError);
        }
    }
}
