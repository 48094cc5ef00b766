using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/projects/{p}/tasks</c>: get, create, patch, delete (REST has no task listing).</summary>
internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapGet("/api/projects/{project}/tasks/{id}", (string project, string id) => store.Locked(() =>
        {
            var p = RouteChecks.Project(store, project);
            var task = p.GetTask(RouteChecks.EntityId(id)) ?? throw AyonProblem.NotFound($"Entity {id} not found");
            return AyonResults.Json(EntityJson.Task(p, store.Attributes, task));
        }));

        app.MapPost("/api/projects/{project}/tasks", async (string project, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var id = store.WriteProject(project, RequestOriginReader.From(http), ctx => TaskWriter.Create(ctx, body, null));
            return AyonResults.Json(new JsonObject { ["id"] = id }, StatusCodes.Status201Created);
        });

        app.MapPatch("/api/projects/{project}/tasks/{id}", async (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.WriteProject(project, RequestOriginReader.From(http), ctx =>
            {
                TaskWriter.Update(ctx, id, body);
                return id;
            });
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/projects/{project}/tasks/{id}", (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            store.WriteProject(project, RequestOriginReader.From(http), ctx =>
            {
                TaskWriter.Delete(ctx, id);
                return id;
            });
            return AyonResults.NoContent();
        });
    }
}
