using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Parses fields / sort / page / options from a query string or a _search body (the body wins).</summary>
internal static class QueryParameters
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 5000;

    /// <summary>null = all fields.</summary>
    public static IReadOnlyList<string>? Fields(JsonNode? bodyFields, IQueryCollection query)
    {
        IEnumerable<string>? names = bodyFields switch
        {
            JsonArray a => a.Select(n => n?.GetValue<string>() ?? ""),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Split(','),
            _ => query.TryGetValue("fields", out var f) ? f.ToString().Split(',') : null,
        };
        if (names is null)
        {
            return null;
        }

        var list = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return list.Contains("*") ? null : list;
    }

    public static IReadOnlyList<SortKey> Sort(SchemaCatalog schema, EntityDef def, JsonNode? bodySort, IQueryCollection query)
    {
        string? text;
        if (bodySort is not null)
        {
            text = bodySort is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>() : throw ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject { ["sort"] = new JsonArray("sort array is not valid") });
        }
        else if (query.TryGetValue("sort", out var q))
        {
            text = q.ToString();
        }
        else
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject { ["sort"] = new JsonArray("sort must be filled") });
        }

        var keys = new List<SortKey>();
        foreach (var token in text.Split(','))
        {
            if (token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) || token.StartsWith('+'))
            {
                throw ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject { ["sort"] = new JsonArray("sort list is not valid") });
            }

            var desc = token.StartsWith('-');
            var field = desc ? token[1..] : token;
            var steps = FieldPaths.Resolve(schema, def, field, out _, out _);
            // Unknown or unsortable fields are silently ignored, like the real API.
            if (steps is not null && steps[^1].Field.DataType is not ("serializable" or "multi_entity"))
            {
                keys.Add(new SortKey(field, desc));
            }
        }

        return keys;
    }

    public static (int Number, int Size) Page(JsonNode? bodyPage, IQueryCollection query)
    {
        var size = Int(bodyPage?["size"]) ?? Int(query["page[size]"]) ?? DefaultPageSize;
        var number = Int(bodyPage?["number"]) ?? Int(query["page[number]"]) ?? 1;
        if (size > MaxPageSize)
        {
            throw PageError("size", $"size must be less than {MaxPageSize}");
        }

        if (size <= 0)
        {
            throw PageError("size", "size must be greater than 0");
        }

        return number <= 0 ? throw PageError("number", "number must be greater than 0") : (number, size);
    }

    public static (bool RetiredOnly, bool IncludeArchived) Options(JsonNode? bodyOptions, IQueryCollection query)
    {
        var returnOnly = Str(bodyOptions?["return_only"]) ?? query["options[return_only]"].ToString();
        var archived = Str(bodyOptions?["include_archived_projects"]) ?? query["options[include_archived_projects]"].ToString();
        if (returnOnly is not ("" or "active" or "retired"))
        {
            throw ShotGridRequestException.BadRequest("Request Parameters invalid.",
                new JsonObject { ["options"] = new JsonObject { ["return_only"] = new JsonArray("return_only must be one of: active, retired") } });
        }

        return (returnOnly == "retired", !string.Equals(archived, "false", StringComparison.OrdinalIgnoreCase));
    }

    private static ShotGridRequestException PageError(string key, string message) =>
        ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject { ["page"] = new JsonObject { [key] = new JsonArray(message) } });

    private static int? Int(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => (int)Math.Min(v.GetValue<double>(), int.MaxValue),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Int(v.GetValue<string>()),
        _ => null,
    };

    private static int? Int(string? text) => int.TryParse(text, out var n) ? n : (string.IsNullOrEmpty(text) ? null : throw PageError("size", "must be an integer"));

    private static string? Str(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
