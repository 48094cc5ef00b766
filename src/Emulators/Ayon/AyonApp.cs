using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Builds the emulator's web application; shared by the in-process <see cref="AyonEmulator"/> and the standalone host.</summary>
internal static class AyonApp
{
    public static WebApplication Build(AyonEmulatorOptions options, AyonStore store, RequestCounter counter, string[]? args = null, bool quiet = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        if (args is null || !args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        }

        var app = builder.Build();
        var auth = new ApiKeyAuthenticator(options.ApiKey, store.Time);
        app.Use(options.Latency.Middleware("operations"));
        app.UseAyonPipeline(store, counter, auth, options.RequestTap);
        app.MapSystemEndpoints(store, auth);
        app.MapProjectEndpoints(store);
        app.MapAttributeEndpoints(store);
        app.MapFolderEndpoints(store);
        app.MapTaskEndpoints(store);
        app.MapActivityEndpoints(store);
        app.MapPublishEndpoints(store);
        app.MapUserEndpoints(store);
        app.MapOperationsEndpoints(store);
        app.MapEventEndpoints(store);
        app.MapEntityListEndpoints(store);
        app.MapAddonEndpoints(store);
        app.MapGraphQlEndpoint(store);
        app.MapFallback((HttpRequest request) => AyonResults.Json(
            new JsonObject
            {
                ["code"] = 404,
                ["detail"] = $"API endpoint {request.Path} not found",
                ["path"] = request.Path.Value,
            },
            StatusCodes.Status404NotFound));
        return app;
    }
}
