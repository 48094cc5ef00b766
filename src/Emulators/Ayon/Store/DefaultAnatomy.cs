using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The built-in anatomy preset (folder types, task types, statuses, tags) of a fresh AYON server.</summary>
internal static class DefaultAnatomy
{
    private static readonly Lazy<JsonObject> Builtin = new(Load);

    /// <summary>A fresh copy; callers own and may change it.</summary>
    public static JsonObject Create() => (JsonObject)Builtin.Value.DeepClone();

    private static JsonObject Load()
    {
        using var stream = typeof(DefaultAnatomy).Assembly.GetManifestResourceStream("BuiltinAnatomy.json")
            ?? throw new InvalidOperationException("BuiltinAnatomy.json is not embedded");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
