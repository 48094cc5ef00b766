using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>One usable mapping: the ShotGrid field exists on the type, the AYON attribute exists for the entity kind.</summary>
/// <param name="AyonType">AYON attribute type ("integer", "float", "string", "boolean", …), which decides how values convert and compare.</param>
public sealed record MappedAttribute(string SgType, string SgField, string AyonAttribute, string AyonType);

/// <summary>The attribute map as it applies to this pair of servers (see <see cref="AttributeMapResolver"/>).</summary>
public sealed class ResolvedAttributeMap(IReadOnlyList<MappedAttribute> entries)
{
    public static ResolvedAttributeMap Empty { get; } = new([]);

    public IReadOnlyList<MappedAttribute> Entries => entries;

    public IEnumerable<MappedAttribute> For(string sgType) => entries.Where(e => e.SgType == sgType);

    /// <summary>AYON type of an attribute (the same attribute has one type whichever ShotGrid type maps to it).</summary>
    public string? TypeOf(string ayonAttribute) => entries.FirstOrDefault(e => e.AyonAttribute == ayonAttribute)?.AyonType;

    /// <summary>
    /// The mapped values of a ShotGrid record as AYON attribute values. Empty ShotGrid values are left out (AYON keeps
    /// what it has); a value that does not fit the AYON type is reported through <paramref name="unfit"/> and left out.
    /// </summary>
    public Dictionary<string, JsonNode> Values(string sgType, SgRecord record, Action<string>? unfit = null)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var entry in For(sgType))
        {
            if (record.GetAttribute(entry.SgField) is not { } raw || raw.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            if (Convert(raw, entry.AyonType) is { } value)
            {
                values[entry.AyonAttribute] = value;
            }
            else
            {
                unfit?.Invoke($"ShotGrid {entry.SgField} value {raw.GetRawText()} does not fit AYON attribute '{entry.AyonAttribute}' ({entry.AyonType}); left as it is");
            }
        }

        return values;
    }

    /// <summary>Whether AYON's value (as the hierarchy read gives it: text, numbers as JSON text) already equals the wanted one.</summary>
    public static bool SameValue(string? current, JsonNode wanted, string ayonType)
    {
        if (current is null)
        {
            return false;
        }

        if (ayonType is "integer" or "float")
        {
            return double.TryParse(current, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && double.TryParse(Text(wanted), NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                && a == b;
        }

        return string.Equals(current, Text(wanted), StringComparison.Ordinal);
    }

    /// <summary>A value as the change list shows it.</summary>
    public static string Text(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static JsonNode? Convert(JsonElement raw, string ayonType)
    {
        // ShotGrid returns floats as JSON strings (rounded to 6 places) and numbers as JSON numbers.
        double? number = raw.ValueKind switch
        {
            JsonValueKind.Number => raw.GetDouble(),
            JsonValueKind.String when double.TryParse(raw.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        return ayonType switch
        {
            "integer" => number is { } n && n == Math.Floor(n) && Math.Abs(n) < long.MaxValue ? JsonValue.Create((long)n) : null,
            "float" => number is { } f ? JsonValue.Create(f) : null,
            "boolean" => raw.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(raw.GetBoolean()) : null,
            "string" => raw.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrEmpty(raw.GetString()) ? null : JsonValue.Create(raw.GetString()),
                JsonValueKind.Number => JsonValue.Create(raw.GetRawText()),
                _ => null,
            },
            _ => null,
        };
    }
}
