using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// An attribute map entry the push writes back: AYON attribute → ShotGrid field. Every entry the ShotGrid → AYON
/// direction uses is pushed back when its ShotGrid field holds a plain scalar (text, number, float, checkbox), so a value
/// makes the same round trip both ways; a field of any other kind (date, list, entity, …) is read-only for the push.
/// </summary>
/// <param name="SgDataType">The ShotGrid field's <c>data_type</c>, which decides how the AYON value is written and compared.</param>
public sealed record PushedAttribute(string SgType, string SgField, string AyonAttribute, string SgDataType)
{
    public static readonly IReadOnlySet<string> ScalarTypes = new HashSet<string>(StringComparer.Ordinal) { "text", "number", "float", "checkbox" };

    public static IReadOnlyList<PushedAttribute> From(ResolvedAttributeMap map, IReadOnlyDictionary<string, IReadOnlyDictionary<string, SgField>> sgFields) =>
        map.Entries
            .Select(e => (Entry: e, Field: sgFields.GetValueOrDefault(e.SgType)?.GetValueOrDefault(e.SgField)))
            .Where(p => p.Field is not null && ScalarTypes.Contains(p.Field.DataType))
            .Select(p => new PushedAttribute(p.Entry.SgType, p.Entry.SgField, p.Entry.AyonAttribute, p.Field!.DataType))
            .ToList();
}
