using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/projects/{p}/folders</c>: flat list, get, create, patch, delete. Each write is one operation.</summary>
internal static class FolderEndpoints
{
    public static void MapFolderEndpoints(this WebApplication app, AyonStore store)
    {
        // Inactive folders are listed too (measured); attrib only with ?attrib=true.
        app.MapGet("/api/projects/{project}/folders", (string project, HttpRequest request) => store.Locked(() =>
        {
            var p = RouteChecks.Project(store, project);
            var withAttrib = string.Equals(request.Query["attrib"], "true", StringComparison.OrdinalIgnoreCase);
            var folders = p.Folders.OrderBy(f => f.Sequence)
                .Select(f => (JsonNode?)EntityJson.FolderListItem(p, store.Attributes, f, withAttrib)).ToArray();
            return AyonResults.Json(new JsonObject { ["folders"] = new JsonArray(folders) });
        }));

        app.MapGet("/api/projects/{project}/folders/{id}", (string project, string id) => store.Locked(() =>
        {
            var p = RouteChecks.Project(store, project);
            var folder = p.GetFolder(RouteChecks.EntityId(id)) ?? throw AyonProblem.NotFound($"Entity {id} not found");
            return AyonResults.Json(EntityJson.Folder(p, store.Attributes, folder));
        }));

        app.MapPost("/api/projects/{project}/folders", async (string project, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var id = store.WriteProject(project, RequestOriginReader.From(http), ctx => FolderWriter.Create(ctx, body, null));
            return AyonResults.Json(new JsonObject { ["id"] = id }, StatusCodes.Status201Created);
        });

        app.MapPatch("/api/projects/{project}/folders/{id}", async (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.WriteProject(project, RequestOriginReader.From(http), ctx =>
            {
                FolderWriter.Update(ctx, id, body);
                return id;
            });
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/projects/{project}/folders/{id}", (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            store.WriteProject(project, RequestOriginReader.From(http), ctx =>
            {
                FolderWriter.Delete(ctx, id);
                return id;
            });
            return AyonResults.NoContent();
        });
    }
}
