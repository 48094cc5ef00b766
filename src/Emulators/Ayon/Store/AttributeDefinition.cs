using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>One row of <c>GET /api/attributes</c>.</summary>
internal sealed record AttributeDefinition(string Name, int Position, IReadOnlyList<string> Scope, bool Builtin, JsonObject Data)
{
    public string Type => Data["type"]?.GetValue<string>() ?? "string";

    public bool Inherit => Data["inherit"] is not JsonValue v || v.GetValue<bool>();

    public JsonNode? Default => Data["default"];

    public bool InScope(string scope) => Scope.Contains(scope, StringComparer.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["position"] = Position,
        ["scope"] = new JsonArray(Scope.Select(s => (JsonNode?)s).ToArray()),
        ["builtin"] = Builtin,
        ["data"] = Data.DeepClone(),
    };
}
