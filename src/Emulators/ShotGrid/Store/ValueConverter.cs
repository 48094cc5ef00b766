using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Turns written values (CLR objects from the store API, JSON from REST) into the stored representation of a field's data type.</summary>
internal static class ValueConverter
{
    public static object? FromClr(EntityDef def, FieldDef field, object? value) => value switch
    {
        null => field.DataType == "checkbox" ? false : null,
        JsonNode node => FromJson(def, field, node),
        _ when field.DataType == "serializable" => JsonSerializer.SerializeToNode(value),
        EntityLink link when field.DataType == "entity" => link,
        IEnumerable<EntityLink> links when field.DataType == "multi_entity" => new MultiEntityWrite("set", links.ToList()),
        string s => FromString(def, field, s),
        bool b when field.DataType == "checkbox" => b,
        int or long or short when field.DataType is "number" or "duration" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        double or float or decimal when field.DataType == "duration" => (long)Math.Truncate(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        int or long or double or float or decimal when field.DataType is "float" or "percent" or "currency" =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture),
        DateTimeOffset d when field.DataType == "date_time" => d.ToUniversalTime(),
        DateTime d when field.DataType == "date_time" => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d when field.DataType == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw Illegal(def, field, value),
    };

    public static object? FromJson(EntityDef def, FieldDef field, JsonNode? node)
    {
        if (node is null)
        {
            return field.DataType switch
            {
                "checkbox" => false,
                "multi_entity" => throw Illegal(def, field, null),
                _ => null,
            };
        }

        switch (field.DataType)
        {
            case "serializable":
                return node.DeepClone();
            case "url":
                return node is JsonObject link ? UrlValue.FromWrite(link) : throw Illegal(def, field, node);
            case "entity":
                return ToLink(def, field, node);
            case "multi_entity":
                if (node is JsonObject mode && mode["multi_entity_update_mode"] is JsonValue m)
                {
                    var links = (mode["value"] as JsonArray ?? throw Illegal(def, field, node)).Select(n => ToLink(def, field, n)).ToList();
                    return new MultiEntityWrite(m.GetValue<string>(), links);
                }

                return node is JsonArray arr ? new MultiEntityWrite("set", arr.Select(n => ToLink(def, field, n)).ToList()) : throw Illegal(def, field, node);
        }

        if (node is not JsonValue v)
        {
            throw Illegal(def, field, node);
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => FromString(def, field, v.GetValue<string>()),
            JsonValueKind.True or JsonValueKind.False when field.DataType == "checkbox" => v.GetValue<bool>(),
            JsonValueKind.Number when field.DataType is "number" or "duration" && v.TryGetValue<long>(out var l) => l,
            // A duration takes a float and truncates it toward zero (90.6 → 90); a number refuses it (sg-groundtruth).
            JsonValueKind.Number when field.DataType == "duration" => (long)Math.Truncate(v.GetValue<double>()),
            JsonValueKind.Number when field.DataType is "float" or "percent" or "currency" => v.GetValue<double>(),
            _ => throw Illegal(def, field, node),
        };
    }

    private static object? FromString(EntityDef def, FieldDef field, string s) => field.DataType switch
    {
        "text" or "list" or "status_list" or "entity_type" or "color" or "uuid" => s.Length == 0 ? null : s,
        // Numeric strings are stored as numbers ("42" → 42, " 90 " → 90); anything else is not a number.
        "number" or "duration" => long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ShotGridRequestException(400, 103, $"Invalid data for '{field.DataType}' data type", null,
                new JsonObject { [field.Name] = $"Invalid data for '{field.DataType}' data type. Value: {s}" }),
        "date" => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? s : throw Illegal(def, field, s),
        "date_time" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.ToUniversalTime() : throw Illegal(def, field, s),
        _ => throw Illegal(def, field, s),
    };

    private static EntityLink ToLink(EntityDef def, FieldDef field, JsonNode? node)
    {
        if (node is JsonObject o && o["type"] is JsonValue t && o["id"] is JsonValue i && i.TryGetValue<long>(out var id))
        {
            return new EntityLink(t.GetValue<string>(), id);
        }

        throw Illegal(def, field, node);
    }

    public static ShotGridRequestException Illegal(EntityDef def, FieldDef field, object? value) =>
        new(400, 104, $"Update failed for [{def.Type}.{field.Name}]: Value is not legal.", null,
            new JsonObject { [field.Name] = $"Value is not legal: {Describe(value)}" });

    private static string Describe(object? value) => value switch
    {
        null => "null",
        JsonNode n => n.ToJsonString(),
        string s => s,
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>()) + "]",
        _ => value.ToString() ?? "",
    };
}
