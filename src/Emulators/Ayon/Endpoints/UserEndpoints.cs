namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// <c>/api/users/{name}</c>: get, create (PUT), patch. The real server has no REST user listing (<c>GET /api/users</c>
/// is 404); users are listed through GraphQL <c>users</c>. <c>/api/users/me</c> is mapped literally and wins.
/// </summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapGet("/api/users/{name}", (string name) => store.Locked(() => AyonResults.Json(UserWriter.Find(store, name).ToJson())));

        app.MapPut("/api/users/{name}", async (string name, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.Locked(() => UserWriter.Create(store, name, body, store.Time.GetUtcNow()));
            return AyonResults.NoContent();
        });

        app.MapPatch("/api/users/{name}", async (string name, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            store.Locked(() => UserWriter.Update(store, name, body, store.Time.GetUtcNow()));
            return AyonResults.NoContent();
        });
    }
}
