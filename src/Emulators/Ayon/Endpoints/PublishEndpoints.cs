using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/projects/{p}/products|versions|representations</c>: get, create, patch, delete (one operation each).</summary>
internal static class PublishEndpoints
{
    private sealed record Table(
        string Route,
        Func<ProjectState, string, JsonObject?> Read,
        Func<WriteContext, JsonObject, string> Create,
        Action<WriteContext, string, JsonObject> Update,
        Action<WriteContext, string> Delete);

    private static readonly Table[] Tables =
    [
        new("products", (p, id) => p.GetProduct(id) is { } r ? PublishJson.Product(p, r) : null,
            (ctx, body) => ProductWriter.Create(ctx, body, null), ProductWriter.Update, ProductWriter.Delete),
        new("versions", (p, id) => p.GetVersion(id) is { } r ? PublishJson.Version(p, r) : null,
            (ctx, body) => VersionWriter.Create(ctx, body, null), VersionWriter.Update, VersionWriter.Delete),
        new("representations", (p, id) => p.GetRepresentation(id) is { } r ? PublishJson.Representation(p, r) : null,
            (ctx, body) => RepresentationWriter.Create(ctx, body, null), RepresentationWriter.Update, RepresentationWriter.Delete),
    ];

    public static void MapPublishEndpoints(this WebApplication app, AyonStore store)
    {
        foreach (var table in Tables)
        {
            Map(app, store, table);
        }
    }

    private static void Map(WebApplication app, AyonStore store, Table table)
    {
        app.MapGet($"/api/projects/{{project}}/{table.Route}/{{id}}", (string project, string id) => store.Locked(() =>
        {
            var p = RouteChecks.Project(store, project);
            var json = table.Read(p, RouteChecks.EntityId(id)) ?? throw AyonProblem.NotFound($"Entity {id} not found");
            return AyonResults.Json(json);
        }));

        app.MapPost($"/api/projects/{{project}}/{table.Route}", async (string project, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var id = store.WriteProject(project, RequestOriginReader.From(http), ctx => table.Create(ctx, body));
            return AyonResults.Json(new JsonObject { ["id"] = id }, StatusCodes.Status201Created);
        });

        app.MapPatch($"/api/projects/{{project}}/{table.Route}/{{id}}", async (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.WriteProject(project, RequestOriginReader.From(http), ctx =>
            {
                table.Update(ctx, id, body);
                return id;
            });
            return AyonResults.NoContent();
        });

        app.MapDelete($"/api/projects/{{project}}/{table.Route}/{{id}}", (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            store.WriteProject(project, RequestOriginReader.From(http), ctx =>
            {
                table.Delete(ctx, id);
                return id;
            });
            return AyonResults.NoContent();
        });
    }
}
