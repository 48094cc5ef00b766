namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Changed AYON attributes → the ShotGrid fields the attribute map names (<see cref="PushedAttribute"/>). The value sent
/// is the entity's attribute now, inherited or its own, as ayon-shotgrid's transmitter does; an attribute AYON no longer
/// has a value for (or one that does not fit the field) is not pushed: ShotGrid keeps its value.
/// </summary>
public static class PushAttributeFields
{
    public static IEnumerable<PushField> For(PushCatalog catalog, string sgType, string id, IReadOnlyDictionary<string, string?> attrib, PushWork work)
    {
        var changed = work.AttributesChanged(id);
        if (changed.Count == 0)
        {
            yield break;
        }

        var (_, at) = work.BeforeNode(id, "attrib_changed");
        foreach (var entry in catalog.AttributesOf(sgType).Where(a => changed.ContainsKey(a.AyonAttribute)))
        {
            var now = attrib.GetValueOrDefault(entry.AyonAttribute);
            if (ShotGridScalar.Value(now, entry.SgDataType) is not { } value)
            {
                continue;
            }

            yield return new PushField(
                entry.SgField,
                ShotGridScalar.Canon(changed[entry.AyonAttribute], entry.SgDataType),
                ShotGridScalar.Canon(now, entry.SgDataType),
                at,
                r => ShotGridScalar.Canon(r?.GetAttribute(entry.SgField), entry.SgDataType),
                _ => value.DeepClone());
        }
    }
}
