using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Parses and validates REST filters: array form (implicit AND), hash form (nested and/or) and GET <c>filter[path]=v</c>.</summary>
internal static class FilterParser
{
    private static readonly string[] TextRelations = ["is", "is_not", "contains", "not_contains", "starts_with", "ends_with", "in", "not_in"];
    // number and duration have no not_between (sg-groundtruth field_types/number, duration: 400 naming this list).
    private static readonly string[] IntegerRelations = ["is", "is_not", "greater_than", "less_than", "between", "in", "not_in"];
    private static readonly string[] NumberRelations = ["is", "is_not", "less_than", "greater_than", "between", "not_between", "in", "not_in"];
    private static readonly string[] DateRelations =
    [
        "is", "is_not", "greater_than", "less_than", "in_last", "not_in_last", "in_next", "not_in_next",
        "in_calendar_week", "in_calendar_month", "in_calendar_day", "in_calendar_year", "between", "in", "not_in",
    ];
    private static readonly string[] ListRelations = ["is", "is_not", "in", "not_in"];
    private static readonly string[] CheckboxRelations = ["is", "is_not"];
    private static readonly string[] LinkRelations =
        ["is", "is_not", "in", "not_in", "type_is", "type_is_not", "name_is", "name_contains", "name_not_contains", "name_starts_with", "name_ends_with"];

    public static FilterNode? ParseBody(SchemaCatalog schema, EntityDef def, JsonNode? filters, bool hashForm)
    {
        if (filters is null)
        {
            return null;
        }

        if (hashForm)
        {
            return filters is JsonObject o ? ParseGroup(schema, def, o) : throw ShotGridRequestException.BadRequest("Query is not an Hash");
        }

        if (filters is not JsonArray array)
        {
            throw ShotGridRequestException.BadRequest("Query is not an Array");
        }

        return new FilterGroup(false, array.Select(c => (FilterNode)ParseCondition(schema, def, c)).ToList());
    }

    /// <summary>GET list filters: equality, a comma list means <c>in</c>.</summary>
    public static FilterNode? ParseQuery(SchemaCatalog schema, EntityDef def, IEnumerable<KeyValuePair<string, string>> filters)
    {
        var conditions = new List<FilterNode>();
        foreach (var (path, raw) in filters)
        {
            var values = raw.Split(',');
            var relation = values.Length > 1 ? "in" : "is";
            JsonNode? value = values.Length > 1 ? new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) : raw;
            var condition = Condition(schema, def, path, relation, value);
            if (condition.Field.IsLink)
            {
                throw ShotGridRequestException.BadRequest(
                    $"API read() {condition.Steps[^1].Owner.Type}.{condition.Field.Name} expected [Hash, NilClass] data type(s) but got String");
            }

            conditions.Add(condition);
        }

        return conditions.Count == 0 ? null : new FilterGroup(false, conditions);
    }

    private static FilterGroup ParseGroup(SchemaCatalog schema, EntityDef def, JsonObject group)
    {
        if (!group.TryGetPropertyValue("logical_operator", out var op) || op is null)
        {
            throw ShotGridRequestException.BadRequest("Missing logical operator");
        }

        var name = op.GetValueKind() == JsonValueKind.String ? op.GetValue<string>() : op.ToJsonString();
        if (name is not ("and" or "or"))
        {
            throw ShotGridRequestException.BadRequest($"Invalid logical operator: {name}");
        }

        if (group["conditions"] is not JsonArray conditions)
        {
            throw ShotGridRequestException.BadRequest("Missing conditions parameter");
        }

        var children = conditions.Select(c => c is JsonObject nested ? (FilterNode)ParseGroup(schema, def, nested) : ParseCondition(schema, def, c)).ToList();
        return new FilterGroup(name == "or", children);
    }

    private static FilterCondition ParseCondition(SchemaCatalog schema, EntityDef def, JsonNode? node)
    {
        if (node is not JsonArray c || c.Count is < 3 or > 4 || c[0] is not JsonValue p || c[1] is not JsonValue r
            || p.GetValueKind() != JsonValueKind.String || r.GetValueKind() != JsonValueKind.String)
        {
            throw ShotGridRequestException.BadRequest("Invalid condition", new JsonObject { ["condition"] = node?.ToJsonString() });
        }

        // Some clients send between/in_last as 4-element arrays: [path, relation, low, high].
        var value = c.Count == 4 ? new JsonArray(c[2]?.DeepClone(), c[3]?.DeepClone()) : c[2]?.DeepClone();
        return Condition(schema, def, p.GetValue<string>(), r.GetValue<string>(), value);
    }

    private static FilterCondition Condition(SchemaCatalog schema, EntityDef def, string path, string relation, JsonNode? value)
    {
        var steps = FieldPaths.Resolve(schema, def, path, out var badType, out var badField)
            ?? throw ShotGridRequestException.BadRequest($"API read() {badType}.{badField} doesn't exist.", new JsonObject
            {
                [$"{badType}.{badField}"] = $" does not exist. Value: {{\"path\"=>\"{path}\", \"relation\"=>\"{relation}\", \"values\"=>[{Describe(value)}]}}",
            });
        var field = steps[^1].Field;
        var owner = steps[^1].Owner.Type;
        var allowed = RelationsFor(field.DataType)
            ?? throw ShotGridRequestException.BadRequest($"API read() {owner}.{field.Name}'s '{field.DataType}' data type cannot be used in a filter.");
        if (!allowed.Contains(relation))
        {
            throw ShotGridRequestException.BadRequest(
                $"API read() {owner}.{field.Name}'s '{field.DataType}' data type doesn't support '{relation}' 'relation'",
                new JsonObject { [$"{owner}.{field.Name}"] = $"Valid relations: [{string.Join(", ", allowed.Select(a => $"\"{a}\""))}]" });
        }

        // An entity "in" with one hash instead of a list is a one-element list (sg-groundtruth 017, field_types/entity).
        if (field.IsLink && relation is "in" or "not_in" && value is JsonObject single)
        {
            value = new JsonArray(single);
        }

        CheckValueTypes(owner, field, relation, value);
        if (relation is "in" or "not_in" && value is JsonArray { Count: 0 })
        {
            throw ShotGridRequestException.BadRequest($"API read() {owner}.{field.Name} '{relation}' expects at least a 1-element array");
        }

        if (relation is "between" or "not_between" && value is not JsonArray { Count: 2 })
        {
            throw ShotGridRequestException.BadRequest($"API read() {owner}.{field.Name} '{relation}' expects a 2-element array");
        }

        return new FilterCondition(path, steps, relation, value);
    }

    /// <summary>
    /// Values of a type the field cannot hold are refused naming the accepted classes, as real ShotGrid does: a float
    /// in a number filter, a bare id where an entity hash belongs (sg-groundtruth 028, field_types/number, entity).
    /// </summary>
    private static void CheckValueTypes(string owner, FieldDef field, string relation, JsonNode? value)
    {
        var values = value is JsonArray list && relation is not ("is" or "is_not") ? list.ToList() : [value];
        foreach (var v in values)
        {
            if (v is not JsonValue scalar)
            {
                continue;
            }

            var kind = scalar.GetValueKind();
            if (field.DataType == "number" && kind == JsonValueKind.Number && !scalar.TryGetValue<long>(out _))
            {
                throw ShotGridRequestException.BadRequest(
                    $"API read() {owner}.{field.Name} expected [String, Integer, NilClass] data type(s) but got Float: {scalar.ToJsonString()}");
            }

            if (field.IsLink && relation is "is" or "is_not" or "in" or "not_in" && kind == JsonValueKind.Number)
            {
                throw ShotGridRequestException.BadRequest(
                    $"API read() {owner}.{field.Name} expected [Hash, NilClass] data type(s) but got Integer: {scalar.ToJsonString()}");
            }
        }
    }

    private static string[]? RelationsFor(string dataType) => dataType switch
    {
        "text" => TextRelations,
        "number" or "duration" => IntegerRelations,
        "float" or "percent" or "currency" or "timecode" => NumberRelations,
        "date" or "date_time" => DateRelations,
        "list" or "status_list" or "uuid" or "entity_type" or "color" => ListRelations,
        "checkbox" => CheckboxRelations,
        "entity" or "multi_entity" => LinkRelations,
        _ => null,
    };

    private static string Describe(JsonNode? value) => value switch
    {
        null => "nil",
        JsonArray a => string.Join(", ", a.Select(Describe)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        _ => value.ToJsonString(),
    };
}
