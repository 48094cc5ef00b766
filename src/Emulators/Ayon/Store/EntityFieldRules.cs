using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Field checks shared by folder and task writes, with the server's error kinds and wording.</summary>
internal static class EntityFieldRules
{
    public static string RequireName(JsonObject data, string model)
    {
        var name = JsonFields.GetString(data, "name", model)
            ?? throw AyonProblem.InvalidData(model, "name", "field required", "value_error.missing");
        return CheckName(name, model);
    }

    public static string CheckName(string name, string model) =>
        NamingRules.EntityName().IsMatch(name)
            ? name
            : throw AyonProblem.InvalidData(model, "name", $"string does not match regex \"{NamingRules.EntityName()}\"", "value_error.str.regex");

    public static string? CheckLabel(string? label, string model) =>
        label is null || NamingRules.Label().IsMatch(label)
            ? label
            : throw AyonProblem.InvalidData(model, "label", $"string does not match regex \"{NamingRules.Label()}\"", "value_error.str.regex");

    /// <summary>Client-chosen id, or a new one; duplicates are unique violations as in the DB.</summary>
    public static string ResolveNewId(JsonObject data, string? entityId, string model, Func<string, bool> exists, string table)
    {
        var id = entityId ?? JsonFields.GetString(data, "id", model);
        if (id is null)
        {
            return NamingRules.NewId();
        }

        if (!NamingRules.EntityId().IsMatch(id))
        {
            throw AyonProblem.InvalidData(model, "id", "string does not match regex \"^[0-f]{32}$\"", "value_error.str.regex");
        }

        return exists(id) ? throw AyonProblem.Unique($"{table} with id '{NamingRules.Dashed(id)}' already exists.") : id;
    }

    public static void CheckStatus(ProjectState project, string status)
    {
        if (!project.HasStatus(status))
        {
            throw AyonProblem.ForeignKey($"status '{status}' is not present in table \"statuses\".");
        }
    }

    public static JsonObject WritableAttrib(WriteContext ctx, JsonObject data, string scope, string model)
    {
        var attrib = JsonFields.GetObject(data, "attrib", model);
        return attrib is null ? [] : ctx.Attributes.FilterForWrite(attrib, scope, model);
    }

    public static JsonObject WithoutNulls(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in o)
        {
            if (v is not null)
            {
                copy[k] = v.DeepClone();
            }
        }

        return copy;
    }

    public static JsonObject Summary(string entityId, string? parentId, string? path = null)
    {
        var summary = new JsonObject { ["entityId"] = entityId, ["parentId"] = parentId };
        if (path is not null)
        {
            summary["entityPath"] = path;
        }

        return summary;
    }

    public static JsonObject Change(JsonNode? oldValue, JsonNode? newValue) => new()
    {
        ["oldValue"] = oldValue?.DeepClone(),
        ["newValue"] = newValue?.DeepClone(),
    };

    public static JsonArray ToArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());
}
