using System.Text.Json;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Number reads that tolerate what ShotGrid (or a broken answer) may put there: <c>null</c>, a string. JsonElement's
/// own TryGet… throws on a non-number instead of answering false.
/// </summary>
internal static class JsonNumbers
{
    public static bool TryInt64(this JsonElement e, out long value)
    {
        value = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(e.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    public static bool TryInt32(this JsonElement e, out int value)
    {
        value = 0;
        if (!e.TryInt64(out var wide) || wide is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }
}
