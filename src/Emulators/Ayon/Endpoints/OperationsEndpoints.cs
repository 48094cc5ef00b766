namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>POST /api/projects/{p}/operations</c>: HTTP 200 with per-op results.</summary>
internal static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapPost("/api/projects/{project}/operations", async (string project, HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            if (store.Faults.TakeOperationsInterlude(project) is { } interlude)
            {
                await interlude((System.Text.Json.Nodes.JsonObject)body.DeepClone());
            }

            var batch = OperationBatch.Parse(body);
            return AyonResults.Json(OperationRunner.Run(store, project, batch, RequestOriginReader.From(http)));
        });
    }
}
