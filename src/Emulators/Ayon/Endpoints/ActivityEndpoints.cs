using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// <c>POST /api/projects/{p}/{entityType}/{id}/activities</c>, <c>PATCH</c>/<c>DELETE /api/projects/{p}/activities/{id}</c>.
/// A service key may act as another user with <c>x-as-user</c> (the server's "sudo"): the activity's author and the
/// event's user are then that user; an unknown one is a 404. A taken activity id is answered as the real server does:
/// HTTP 500 with a unique-violation body that says 409.
/// </summary>
internal static class ActivityEndpoints
{
    private const string ServiceUser = "service";

    private static readonly string[] EntityTypes = ["folder", "task", "product", "version", "representation", "workfile"];

    public static void MapActivityEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapPost("/api/projects/{project}/{entityType}/{id}/activities", async (string project, string entityType, string id, HttpContext http) =>
        {
            if (!EntityTypes.Contains(entityType, StringComparer.Ordinal))
            {
                throw AyonProblem.InvalidData("path", "entity_type", $"unexpected value; permitted: {string.Join(", ", EntityTypes.Select(t => $"'{t}'"))}", "value_error.const");
            }

            RouteChecks.EntityId(id);
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var origin = Acting(store, http);
            try
            {
                var created = store.WriteProject(project, origin, ctx => ActivityWriter.Create(ctx, entityType, id, origin.User, origin.User != ServiceUser, body));
                return AyonResults.Json(new JsonObject { ["id"] = created }, StatusCodes.Status201Created);
            }
            catch (AyonProblem taken) when (taken.ErrorCode == "unique-violation")
            {
                // 1.15.18 maps the unique violation inside its transaction to the 409 body, but answers it with HTTP 500.
                return AyonResults.Json(new JsonObject
                {
                    ["path"] = $"[POST] /projects/{project}/{entityType}/{id}/activities", ["file"] = "asyncpg/protocol/protocol.pyx",
                    ["function"] = "bind_execute", ["line"] = 201, ["detail"] = taken.Detail, ["error"] = "unique-violation", ["code"] = 409,
                }, StatusCodes.Status500InternalServerError);
            }
        });

        app.MapPatch("/api/projects/{project}/activities/{id}", async (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.WriteProject(project, Acting(store, http), ctx =>
            {
                ActivityWriter.Update(ctx, id, body);
                return id;
            });
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/projects/{project}/activities/{id}", (string project, string id, HttpContext http) =>
        {
            RouteChecks.EntityId(id);
            store.WriteProject(project, Acting(store, http), ctx =>
            {
                ActivityWriter.Delete(ctx, id);
                return id;
            });
            return AyonResults.NoContent();
        });
    }

    /// <summary>The request's origin with the user it acts as (<c>x-as-user</c>, which must exist).</summary>
    private static RequestOrigin Acting(AyonStore store, HttpContext http)
    {
        var origin = RequestOriginReader.From(http);
        var asUser = http.Request.Headers["x-as-user"].FirstOrDefault();
        if (string.IsNullOrEmpty(asUser))
        {
            return origin;
        }

        return store.Locked(() => store.UserTable.ContainsKey(asUser))
            ? origin with { User = asUser }
            : throw AyonProblem.NotFound($"User {asUser} not found");
    }
}
