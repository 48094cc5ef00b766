using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Normalises anatomy list items (folder types, task types, statuses, tags) as the project stores them.</summary>
internal static class AnatomyItems
{
    /// <summary>Items with defaults filled in, as the anatomy model does on deploy; later names replace earlier ones.</summary>
    public static JsonArray WithDefaults(JsonArray? items, JsonObject defaults)
    {
        var byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in StoredAsSent(items).OfType<JsonObject>())
        {
            var filled = (JsonObject)defaults.DeepClone();
            foreach (var (key, value) in item)
            {
                filled[key] = value?.DeepClone();
            }

            byName[filled["name"]!.GetValue<string>()] = filled;
        }

        return new JsonArray(byName.Values.Select(i => (JsonNode?)i).ToArray());
    }

    /// <summary>Items kept as sent (PATCH does no filling), minus the rename helper <c>original_name</c>.</summary>
    public static JsonArray StoredAsSent(JsonArray? items)
    {
        var byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            if (item is not JsonObject o || o["name"] is not JsonValue name)
            {
                throw AyonProblem.InvalidData("ProjectModel", "name", "field required", "value_error.missing");
            }

            var copy = (JsonObject)o.DeepClone();
            copy.Remove("original_name");
            copy.Remove("originalName");
            byName[name.GetValue<string>()] = copy;
        }

        return new JsonArray(byName.Values.Select(i => (JsonNode?)i).ToArray());
    }

    public static JsonObject FolderTypeDefaults() => new() { ["shortName"] = "", ["color"] = "#cccccc", ["icon"] = "folder" };
    public static JsonObject TaskTypeDefaults() => new() { ["shortName"] = "", ["color"] = "#cccccc", ["icon"] = "task_alt" };

    public static JsonObject StatusDefaults() => new()
    {
        ["shortName"] = "",
        ["state"] = "not_started",
        ["icon"] = "",
        ["color"] = "#cacaca",
        ["scope"] = new JsonArray("folder", "task", "product", "version", "representation", "workfile"),
    };

    public static JsonObject TagDefaults() => new() { ["color"] = "#cacaca" };
}
