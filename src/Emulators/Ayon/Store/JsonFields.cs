using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Reads request fields the pydantic way: camelCase or snake_case, unknown fields simply never read.</summary>
internal static class JsonFields
{
    /// <summary>Serializer options for bodies: quotes and '+' unescaped, as the Python server writes them.</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool TryGet(JsonObject body, string camelName, out JsonNode? value)
    {
        if (body.TryGetPropertyValue(camelName, out value))
        {
            return true;
        }

        return body.TryGetPropertyValue(ToSnake(camelName), out value);
    }

    public static JsonNode? Get(JsonObject body, string camelName) => TryGet(body, camelName, out var v) ? v : null;

    public static bool Has(JsonObject body, string camelName) => TryGet(body, camelName, out _);

    /// <summary>A string field; a present non-string value is a validation error naming <paramref name="model"/>.</summary>
    public static string? GetString(JsonObject body, string camelName, string model)
    {
        var node = Get(body, camelName);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        throw AyonProblem.InvalidData(model, camelName, "str type expected", "type_error.str");
    }

    public static bool? GetBool(JsonObject body, string camelName, string model)
    {
        var node = Get(body, camelName);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw AyonProblem.InvalidData(model, camelName, "value could not be parsed to a boolean", "type_error.bool"),
        };
    }

    public static JsonObject? GetObject(JsonObject body, string camelName, string model)
    {
        var node = Get(body, camelName);
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw AyonProblem.InvalidData(model, camelName, "value is not a valid dict", "type_error.dict"),
        };
    }

    public static List<string>? GetStringList(JsonObject body, string camelName, string model)
    {
        var node = Get(body, camelName);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            throw AyonProblem.InvalidData(model, camelName, "value is not a valid list of strings", "type_error.list");
        }

        return array.Select(i => i!.GetValue<string>()).ToList();
    }

    public static string ToSnake(string camel)
    {
        var sb = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                sb.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Converts a JSON value to a plain CLR value for the public inspection records.</summary>
    public static object? ToClr(JsonNode? node)
    {
        if (node is not JsonValue)
        {
            return node?.DeepClone();
        }

        // Round-trip through JsonElement: values built in code (int, double) and parsed ones then convert alike.
        var element = JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when element.TryGetInt64(out var l) => l,
            JsonValueKind.Number => element.GetDouble(),
            _ => null,
        };
    }

    public static IReadOnlyDictionary<string, object?> ToClrMap(JsonObject o) =>
        o.ToDictionary(p => p.Key, p => ToClr(p.Value));

    /// <summary>
    /// A float attribute value written the way Python prints floats (<c>25.0</c>, not <c>25</c>), so clients that
    /// read it as an integer fail here as they would on the real server.
    /// </summary>
    public static JsonNode FloatValue(JsonNode number)
    {
        var text = number.ToJsonString();
        return JsonNode.Parse(text.IndexOfAny(['.', 'e', 'E']) >= 0 ? text : text + ".0")!;
    }

    /// <summary>One-level merge as AYON's PATCH does it: a null value deletes the key.</summary>
    public static JsonObject MergeOneLevel(JsonObject current, JsonObject patch)
    {
        var merged = (JsonObject)current.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }

        return merged;
    }
}
