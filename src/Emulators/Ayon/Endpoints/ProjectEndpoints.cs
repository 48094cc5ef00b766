using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/projects</c>: list, get, deploy, raw create, patch, delete.</summary>
internal static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapGet("/api/projects", (HttpRequest request) => store.Locked(() =>
        {
            var active = request.Query["active"].FirstOrDefault();
            var projects = store.ProjectTable.Values
                .Where(p => active is null || p.Active == bool.Parse(active))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => (JsonNode?)ProjectJson.ListItem(p))
                .ToArray();
            return AyonResults.Json(new JsonObject
            {
                ["detail"] = $"Showing {projects.Length} of {projects.Length} projects",
                ["count"] = projects.Length,
                ["projects"] = new JsonArray(projects),
            });
        }));

        app.MapGet("/api/projects/{name}", (string name) =>
            store.Locked(() => AyonResults.Json(ProjectJson.Full(RouteChecks.Project(store, name)))));

        app.MapPost("/api/projects", async (HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.Locked(() => ProjectWriter.Deploy(store, body, RequestOriginReader.From(http)));
            return AyonResults.CreatedNull();
        });

        app.MapPut("/api/projects/{name}", async (string name, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.Locked(() => ProjectWriter.Put(store, name, body, RequestOriginReader.From(http)));
            return AyonResults.CreatedNull();
        });

        app.MapPatch("/api/projects/{name}", async (string name, HttpRequest request, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            store.Locked(() => ProjectWriter.Patch(store, RouteChecks.Project(store, name), body));
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/projects/{name}", (string name, HttpContext http) =>
        {
            store.Locked(() =>
            {
                var project = RouteChecks.Project(store, name);
                store.ProjectTable.Remove(project.Name);
                store.EventLog.Emit(
                    new PendingEvent("entity.project.deleted", $"Project {project.Name} deleted", [], []),
                    project.Name, RequestOriginReader.From(http), store.Time.GetUtcNow());
            });
            return AyonResults.NoContent();
        });
    }
}
