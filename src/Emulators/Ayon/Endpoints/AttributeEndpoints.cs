using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/attributes</c>. Every write marks the server as needing a restart, even when nothing changed (as measured).</summary>
internal static class AttributeEndpoints
{
    public static void MapAttributeEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapGet("/api/attributes", () => store.Locked(() => AyonResults.Json(new JsonObject
        {
            ["attributes"] = new JsonArray(store.Attributes.Defined.Select(a => (JsonNode?)a.ToJson()).ToArray()),
        })));

        app.MapGet("/api/attributes/{name}", (string name) => store.Locked(() =>
            store.Attributes.GetDefined(name) is { } a
                ? AyonResults.Json(a.ToJson())
                : AyonResults.Error(404, $"Attribute {name} not found")));

        app.MapPut("/api/attributes/{name}", async (string name, HttpRequest request, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            var attribute = Parse(name, body, store);
            store.Locked(() => store.Attributes.Upsert(attribute));
            return AyonResults.NoContent();
        });

        app.MapPut("/api/attributes", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            var items = JsonFields.Get(body, "attributes") as JsonArray
                ?? throw AyonProblem.InvalidData("SetAttributeListModel", "attributes", "field required", "value_error.missing");
            var parsed = items.OfType<JsonObject>()
                .Select(i => Parse(JsonFields.GetString(i, "name", "AttributeModel") ?? "", i, store)).ToList();
            var deleteMissing = JsonFields.GetBool(body, "deleteMissing", "SetAttributeListModel") ?? false;
            store.Locked(() =>
            {
                parsed.ForEach(store.Attributes.Upsert);
                var keep = parsed.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var stale in store.Attributes.Defined.Where(a => deleteMissing && !a.Builtin && !keep.Contains(a.Name)))
                {
                    store.Attributes.Delete(stale.Name);
                }
            });
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/attributes/{name}", (string name) =>
            store.Locked(() => store.Attributes.Delete(name))
                ? AyonResults.NoContent()
                : AyonResults.Error(404, $"Attribute {name} not found"));
    }

    private static AttributeDefinition Parse(string name, JsonObject body, AyonStore store)
    {
        const string model = "AttributePutModel";
        if (!NamingRules.AttributeName().IsMatch(name))
        {
            throw AyonProblem.InvalidData(model, "attribute_name", $"string does not match regex \"{NamingRules.AttributeName()}\"", "value_error.str.regex");
        }

        var existing = store.Locked(() => store.Attributes.GetDefined(name));
        var data = (JsonFields.GetObject(body, "data", model) ?? throw AyonProblem.InvalidData(model, "data", "field required", "value_error.missing"))
            .DeepClone().AsObject();
        data["type"] ??= "string";
        data["title"] ??= name;
        data["inherit"] ??= true;
        var scope = JsonFields.GetStringList(body, "scope", model) ?? existing?.Scope.ToList() ?? ["project", "folder", "task"];
        var position = JsonFields.Get(body, "position") is JsonValue p && p.TryGetValue<int>(out var pos)
            ? pos
            : existing?.Position ?? store.Locked(() => store.Attributes.Defined.Count);
        return new AttributeDefinition(name, position, scope, existing?.Builtin ?? false, data);
    }
}
