using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Addon settings seeded through <see cref="AyonStore.SetAddonSettings"/>, and secrets.</summary>
internal static class AddonEndpoints
{
    public static void MapAddonEndpoints(this WebApplication app, AyonStore store)
    {
        IResult Settings(string name, string version, string? project, HttpRequest request) => store.Locked(() =>
        {
            var variant = request.Query["variant"].FirstOrDefault() ?? "production";
            if (store.SettingsTable.TryGetValue((name, version, variant), out var settings))
            {
                var answer = (JsonObject)settings.DeepClone();
                if (project is not null && store.ProjectOverridesTable.TryGetValue((name, version, variant, project), out var overrides))
                {
                    foreach (var (key, value) in overrides)
                    {
                        answer[key] = value?.DeepClone();
                    }
                }

                return AyonResults.Json(answer);
            }

            return store.SettingsTable.Keys.Any(k => k.Addon == name)
                ? AyonResults.Error(404, $"Addon {name} version {version} does not exist")
                : AyonResults.Error(404, $"Addon {name} does not exist");
        });

        app.MapGet("/api/addons/{name}/{version}/settings", (string name, string version, HttpRequest request) => Settings(name, version, null, request));
        app.MapGet("/api/addons/{name}/{version}/settings/{project}",
            (string name, string version, string project, HttpRequest request) => Settings(name, version, project, request));

        app.MapGet("/api/secrets", () => store.Locked(() => AyonResults.Json(new JsonArray(store.SecretTable
            .Where(s => !s.Key.StartsWith('_'))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (JsonNode?)new JsonObject { ["name"] = s.Key, ["value"] = s.Value })
            .ToArray()))));

        app.MapGet("/api/secrets/{name}", (string name) => store.Locked(() =>
            store.SecretTable.TryGetValue(name, out var value)
                ? AyonResults.Json(new JsonObject { ["name"] = name, ["value"] = value })
                : AyonResults.Error(404, $"Secret {name} not found")));

        app.MapPut("/api/secrets/{name}", async (string name, HttpRequest request, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            var value = JsonFields.GetString(body, "value", "Secret")
                ?? throw AyonProblem.InvalidData("Secret", "value", "field required", "value_error.missing");
            if (!NamingRules.EntityName().IsMatch(name))
            {
                throw AyonProblem.InvalidData("path", "secret_name", "string does not match regex", "value_error.str.regex");
            }

            store.SetSecret(name, value);
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/secrets/{name}", (string name) =>
        {
            store.Locked(() => store.SecretTable.Remove(name));
            return AyonResults.NoContent();
        });
    }
}
