using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>/schema routes. Every value is wrapped as <c>{"value": …, "editable": bool}</c>; type names are case-sensitive.</summary>
internal static class SchemaEndpoints
{
    public static Task All(HttpContext ctx, EmulatorServices s)
    {
        var data = new JsonObject();
        foreach (var def in s.Store.Schema.All)
        {
            data[def.Type] = TypeRecord(def);
        }

        return Responses.Json(ctx, 200, new JsonObject { ["data"] = data, ["links"] = new JsonObject { ["self"] = "/api/v1/schema" } });
    }

    public static Task Type(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.ByType(type) ?? throw ShotGridRequestException.UnknownType(type);
        return Responses.Json(ctx, 200, new JsonObject { ["data"] = TypeRecord(def), ["links"] = new JsonObject { ["self"] = $"/api/v1/schema/{def.Type}" } });
    }

    public static Task Fields(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.ByType(type) ?? throw ShotGridRequestException.UnknownType(type);
        var data = s.Store.Locked(() =>
        {
            var fields = new JsonObject();
            foreach (var field in def.Fields.Values)
            {
                fields[field.Name] = FieldRecord(def, field);
            }

            return fields;
        });
        return Responses.Json(ctx, 200, new JsonObject { ["data"] = data, ["links"] = new JsonObject { ["self"] = $"/api/v1/schema/{def.Type}/fields" } });
    }

    public static Task Field(HttpContext ctx, EmulatorServices s, string type, string field)
    {
        var def = s.Store.Schema.ByType(type) ?? throw ShotGridRequestException.UnknownType(type);
        if (!def.Fields.TryGetValue(field, out var f))
        {
            return Responses.Error(ctx, 404, 103, "Not Found", $"Field '{field}' does not exist on entity type '{def.Type}'.");
        }

        var data = s.Store.Locked(() => FieldRecord(def, f));
        return Responses.Json(ctx, 200, new JsonObject { ["data"] = data, ["links"] = new JsonObject { ["self"] = $"/api/v1/schema/{def.Type}/fields/{field}" } });
    }

    private static JsonObject TypeRecord(EntityDef def) => new() { ["name"] = Wrap(def.Type, false), ["visible"] = Wrap(true, false) };

    private static JsonObject FieldRecord(EntityDef def, FieldDef field)
    {
        // Property sets and editable flags as the recorded schema_fields answer has them, per data type.
        var choice = field.DataType is "list" or "status_list";
        var properties = new JsonObject
        {
            ["default_value"] = Wrap(MetaValues.ToNode(field.DefaultValue, (l, _) => MetaValues.Link(l, null, null, null, false)), choice),
            ["summary_default"] = Wrap(field.DataType == "status_list" ? "status_list" : "none", true),
        };
        if (field.DataType == "text")
        {
            properties["regex_validation"] = Wrap("", true);
            properties["regex_validation_enabled"] = Wrap(null, true);
        }

        if (field.ValidValues is { } values)
        {
            properties["valid_values"] = Wrap(new JsonArray(values.Select(v => (JsonNode?)v).ToArray()), true);
            if (field.DataType == "status_list")
            {
                var display = new JsonObject();
                foreach (var v in values)
                {
                    display[v] = field.DisplayValues?.GetValueOrDefault(v) ?? v;
                }

                properties["display_values"] = Wrap(display, false);
                properties["hidden_values"] = Wrap(new JsonArray(), false);
            }
        }

        if (field.ValidTypes is { } types)
        {
            properties["valid_types"] = Wrap(new JsonArray(types.Select(t => (JsonNode?)t).ToArray()), true);
        }

        return new JsonObject
        {
            ["name"] = Wrap(field.DisplayName, true), ["description"] = Wrap("", true), ["custom_metadata"] = Wrap("", true),
            ["entity_type"] = Wrap(def.Type, false), ["data_type"] = Wrap(field.DataType, false), ["editable"] = Wrap(!field.ReadOnly, false),
            ["mandatory"] = Wrap(field.Name == def.IdentityField, false), ["unique"] = Wrap(false, false),
            ["properties"] = properties, ["visible"] = Wrap(true, false), ["ui_value_displayable"] = Wrap(true, false),
        };
    }

    private static JsonObject Wrap(JsonNode? value, bool editable) => new() { ["value"] = value, ["editable"] = editable };
}
