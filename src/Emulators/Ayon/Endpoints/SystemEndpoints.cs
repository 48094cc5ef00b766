using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/info</c>, <c>/api/users/me</c>, <c>/api/system/restartRequired</c>, <c>/api/system/restart</c>.</summary>
internal static class SystemEndpoints
{
    public const string Version = "1.15.18+emulator";

    public static void MapSystemEndpoints(this WebApplication app, AyonStore store, ApiKeyAuthenticator auth)
    {
        app.MapGet("/api/info", (HttpRequest request) =>
        {
            var info = new JsonObject
            {
                ["version"] = Version,
                ["uptime"] = (store.Time.GetUtcNow() - store.StartedAt).TotalSeconds,
                ["disableFeedback"] = true,
                ["offlineMode"] = true,
            };
            if (auth.Reject(request) is null)
            {
                info["user"] = Me();
                info["attributes"] = store.Locked(() =>
                    new JsonArray(store.Attributes.Defined.Select(a => (JsonNode?)a.ToJson()).ToArray()));
            }

            return AyonResults.Json(info);
        });

        app.MapGet("/api/users/me", () => AyonResults.Json(Me()));

        app.MapGet("/api/system/restartRequired", () => store.Locked(() =>
        {
            var required = store.Attributes.RestartRequired;
            return AyonResults.Json(new JsonObject
            {
                ["required"] = required,
                ["reason"] = required ? "Restart the server to apply the attribute changes." : null,
            });
        }));

        app.MapPost("/api/system/restart", () =>
        {
            store.Restart();
            return AyonResults.NoContent();
        });
    }

    /// <summary>The service user every valid key belongs to.</summary>
    private static JsonObject Me() => new()
    {
        ["name"] = "service",
        ["attrib"] = new JsonObject { ["fullName"] = "Service", ["developerMode"] = false },
        ["data"] = new JsonObject
        {
            ["isService"] = true,
            ["apiKeyPreview"] = "***",
            ["defaultAccessGroups"] = new JsonArray(),
        },
        ["active"] = true,
        ["ownAttrib"] = new JsonArray("fullName"),
        ["uiExposureLevel"] = 900,
        ["createdAt"] = IsoTime.Format(Created),
        ["updatedAt"] = IsoTime.Format(Created),
    };

    private static readonly DateTimeOffset Created = DateTimeOffset.UtcNow;
}
