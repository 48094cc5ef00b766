using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Defined attributes (what <c>GET /api/attributes</c> lists) and active ones (what entity writes accept). Real AYON
/// builds its entity models at start-up, so in restart mode the active set only catches up on a restart.
/// Not thread-safe: the store's lock guards it.
/// </summary>
internal sealed class AttributeRegistry
{
    /// <summary>The real server ignores restart requests younger than this, answering "not required".</summary>
    private static readonly TimeSpan RestartReportDelay = TimeSpan.FromSeconds(2);

    private readonly bool _requireRestart;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, AttributeDefinition> _defined = new(StringComparer.Ordinal);
    private Dictionary<string, AttributeDefinition> _active = new(StringComparer.Ordinal);
    private DateTimeOffset? _restartRequestedAt;

    /// <summary>Changes whenever the active set changes, so the GraphQL schema knows when to rebuild its attrib types.</summary>
    public int ActiveGeneration { get; private set; }

    public AttributeRegistry(bool requireRestart, TimeProvider time)
    {
        _requireRestart = requireRestart;
        _time = time;
        foreach (var attribute in BuiltinAttributes.Create())
        {
            _defined[attribute.Name] = attribute;
        }

        _active = new Dictionary<string, AttributeDefinition>(_defined, StringComparer.Ordinal);
    }

    public IReadOnlyList<AttributeDefinition> Defined => _defined.Values.OrderBy(a => a.Position).ToList();

    public AttributeDefinition? GetDefined(string name) => _defined.GetValueOrDefault(name);

    public IEnumerable<AttributeDefinition> ActiveInScope(string scope) =>
        _active.Values.Where(a => a.InScope(scope)).OrderBy(a => a.Position);

    public AttributeDefinition? GetActive(string name, string scope) =>
        _active.TryGetValue(name, out var a) && a.InScope(scope) ? a : null;

    public void Upsert(AttributeDefinition attribute)
    {
        _defined[attribute.Name] = attribute;
        _restartRequestedAt = _time.GetUtcNow();
        if (!_requireRestart)
        {
            _active[attribute.Name] = attribute;
            ActiveGeneration++;
        }
    }

    public bool Delete(string name)
    {
        if (!_defined.TryGetValue(name, out var existing) || existing.Builtin)
        {
            return false;
        }

        _defined.Remove(name);
        _restartRequestedAt = _time.GetUtcNow();
        if (!_requireRestart)
        {
            _active.Remove(name);
            ActiveGeneration++;
        }

        return true;
    }

    /// <summary>True once an attribute write is older than the real server's 2-second grace.</summary>
    public bool RestartRequired =>
        _restartRequestedAt is { } at && _time.GetUtcNow() - at >= RestartReportDelay;

    public void Restart()
    {
        _active = new Dictionary<string, AttributeDefinition>(_defined, StringComparer.Ordinal);
        ActiveGeneration++;
        _restartRequestedAt = null;
    }

    /// <summary>
    /// Keeps the keys that are active attributes of <paramref name="scope"/> (others are dropped silently, as pydantic
    /// ignores extra keys) and checks value types. Null values survive: PATCH uses them to delete keys.
    /// </summary>
    public JsonObject FilterForWrite(JsonObject attrib, string scope, string model)
    {
        var result = new JsonObject();
        foreach (var (key, value) in attrib)
        {
            var attribute = GetActive(key, scope);
            if (attribute is null)
            {
                continue;
            }

            result[key] = value is null ? null : Coerce(attribute, value, model);
        }

        return result;
    }

    private static JsonNode Coerce(AttributeDefinition attribute, JsonNode value, string model)
    {
        var kind = value.GetValueKind();
        var ok = attribute.Type switch
        {
            "string" or "datetime" => kind == JsonValueKind.String,
            "integer" => kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _),
            "float" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "list_of_strings" or "list_of_integers" or "list_of_any" or "list_of_submodels" => kind == JsonValueKind.Array,
            "dict" => kind == JsonValueKind.Object,
            _ => true,
        };
        if (!ok)
        {
            throw AyonProblem.InvalidData(model, $"attrib.{attribute.Name}", $"value is not a valid {attribute.Type}", $"type_error.{attribute.Type}");
        }

        return attribute.Type == "float" ? JsonFields.FloatValue(value) : value.DeepClone();
    }
}
