using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// A ShotGrid hash filter (<c>application/vnd+shotgun.api3_hash+json</c>):
/// <c>{"logical_operator": "and"|"or", "conditions": [[path, relation, value] | group, …]}</c>.
/// </summary>
public sealed class SgFilter
{
    private readonly string _operator;
    private readonly List<JsonNode> _conditions = [];

    private SgFilter(string logicalOperator) => _operator = logicalOperator;

    public static SgFilter And() => new("and");

    public static SgFilter Or() => new("or");

    /// <summary>Adds <c>[path, relation, value]</c>. Values: string, number, bool, null, <see cref="SgEntityRef"/> or an enumerable of those.</summary>
    public SgFilter Where(string path, string relation, object? value)
    {
        _conditions.Add(new JsonArray(JsonValue.Create(path), JsonValue.Create(relation), ToNode(value)));
        return this;
    }

    public SgFilter Group(SgFilter group)
    {
        _conditions.Add(group.ToJson());
        return this;
    }

    public JsonObject ToJson() => new()
    {
        ["logical_operator"] = _operator,
        ["conditions"] = new JsonArray(_conditions.Select(c => c.DeepClone()).ToArray()),
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        SgEntityRef r => new JsonObject { ["type"] = r.Type, ["id"] = r.Id },
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        System.Collections.IEnumerable e => new JsonArray(e.Cast<object?>().Select(ToNode).ToArray()),
        _ => throw new ArgumentException($"Unsupported ShotGrid filter value type {value.GetType().Name}."),
    };
}
