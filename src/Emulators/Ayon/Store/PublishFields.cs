using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Field rules shared by the product, version and representation writers.</summary>
internal static class PublishFields
{
    /// <summary>An integer field as pydantic reads one: numbers are truncated, numeric strings parsed.</summary>
    public static int? GetInt(JsonObject data, string name, string model)
    {
        var node = JsonFields.Get(data, name);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => (int)Math.Truncate(v.GetValue<double>()),
            JsonValue v when v.GetValueKind() == JsonValueKind.String
                && int.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw AyonProblem.InvalidData(model, name, "value is not a valid integer", "type_error.integer"),
        };
    }

    /// <summary>Representation files as stored: <c>id</c> and <c>path</c> required, size 0 and hashType md5 by default, other keys dropped.</summary>
    public static JsonArray Files(JsonObject data, string model)
    {
        var node = JsonFields.Get(data, "files");
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray items)
        {
            throw AyonProblem.InvalidData(model, "files", "value is not a valid list", "type_error.list");
        }

        var files = new JsonArray();
        foreach (var item in items)
        {
            var file = item as JsonObject ?? throw AyonProblem.InvalidData(model, "files", "value is not a valid dict", "type_error.dict");
            var stored = new JsonObject
            {
                ["id"] = JsonFields.GetString(file, "id", model) ?? throw AyonProblem.InvalidData(model, "id", "field required", "value_error.missing"),
                ["path"] = JsonFields.GetString(file, "path", model) ?? throw AyonProblem.InvalidData(model, "path", "field required", "value_error.missing"),
                ["size"] = file["size"]?.DeepClone() ?? 0,
            };
            if (JsonFields.GetString(file, "hash", model) is { } hash)
            {
                stored["hash"] = hash;
            }

            stored["hashType"] = JsonFields.GetString(file, "hashType", model) ?? "md5";
            files.Add(stored);
        }

        return files;
    }

    public static string DefaultedStatus(WriteContext ctx, JsonObject data, string scope, string model) =>
        JsonFields.GetString(data, "status", model) ?? ctx.Project.DefaultStatus(scope) ?? "";
}
