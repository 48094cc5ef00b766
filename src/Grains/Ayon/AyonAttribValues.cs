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
                result[p.Name] = ToText(p.Value);
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
