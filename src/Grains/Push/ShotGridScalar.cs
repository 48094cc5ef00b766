using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// AYON attribute values as ShotGrid scalar fields (<see cref="PushedAttribute.ScalarTypes"/>): the value to write and
/// one text form per value, so 1001, "1001" and 1001.0 compare equal for a number field.
/// </summary>
public static class ShotGridScalar
{
    /// <summary>The value to write, or null when AYON has none or it does not fit the field (such a value is not pushed).</summary>
    public static JsonNode? Value(string? text, string sgDataType)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null;
        return sgDataType switch
        {
            "number" => number is { } n && n == Math.Floor(n) && Math.Abs(n) < int.MaxValue ? JsonValue.Create((long)n) : null,
            "float" => number is { } f ? JsonValue.Create(f) : null,
            "checkbox" => bool.TryParse(text, out var b) ? JsonValue.Create(b) : null,
            "text" => JsonValue.Create(text),
            _ => null,
        };
    }

    /// <summary>The comparable text of a value (null: none, or it does not fit the field).</summary>
    public static string? Canon(string? text, string sgDataType) => Value(text, sgDataType) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var f) => f.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.GetValue<string>(),
        _ => null,
    };

    /// <summary>The comparable text of what ShotGrid has (it answers floats as strings, numbers as numbers).</summary>
    public static string? Canon(JsonElement? value, string sgDataType) => Canon(value is { } e ? Text(e) : null, sgDataType);

    /// <summary>The comparable text of a value as an AYON event carries it.</summary>
    public static string? Canon(JsonNode? value, string sgDataType) =>
        Canon(value is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null, sgDataType);

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
