using System.Text.Json;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// GraphQL's <c>allAttrib</c> is a JSON-encoded <em>string</em> of every attribute (inherited included, empty ones left out).
/// Values come back as strings: strings as they are, other scalars as their JSON text (<c>25</c>, <c>true</c>), containers as raw JSON.
/// </summary>
internal static class AyonAttribValues
{
    /// <param name="keep">Only these attributes; null keeps all.</param>
    public static Dictionary<string, string?> Parse(string? allAttrib, IReadOnlySet<string>? keep = null)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(allAttrib))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(allAttrib);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (keep is null || keep.Contains(p.Name))
            {
                // The kept name's own string, and a value that is a name the code knows (an entity type) as that one:
                // a listing of a million entities otherwise holds a copy of each per entity.
                var value = ToText(p.Value);
                result[keep is HashSet<string> names && names.TryGetValue(p.Name, out var name) ? name : p.Name] =
                    value is { Length: <= 32 } ? string.IsInterned(value) ?? value : value;
            }
        }

        return result;
    }

    public static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
