namespace AyonShotgrid.Grains.Options;

/// <summary>One ShotGrid field mapped to one AYON attribute for a ShotGrid entity type.</summary>
/// <param name="Configured">Given in configuration (must exist in both schemas) rather than a default (applies where it can).</param>
public sealed record AttributeMapEntry(string SgType, string SgField, string AyonAttribute, bool Configured)
{
    public string Setting => $"Sync:AttributeMap:{SgType}:{SgField}";

    /// <summary>The effective map: defaults (when enabled) overlaid by configuration; an empty configured value removes an entry.</summary>
    public static IReadOnlyList<AttributeMapEntry> From(SyncOptions options)
    {
        var entries = new Dictionary<(string, string), AttributeMapEntry>();
        if (options.UseDefaultAttributeMap)
        {
            foreach (var (type, fields) in AttributeMapDefaults.Map)
            {
                foreach (var (field, attribute) in fields)
                {
                    entries[(type, field)] = new AttributeMapEntry(type, field, attribute, Configured: false);
                }
            }
        }

        foreach (var (type, fields) in options.AttributeMap)
        {
            foreach (var (field, attribute) in fields)
            {
                if (string.IsNullOrWhiteSpace(attribute))
                {
                    entries.Remove((type, field));
                }
                else
                {
                    entries[(type, field)] = new AttributeMapEntry(type, field, attribute.Trim(), Configured: true);
                }
            }
        }

        return entries.Values.OrderBy(e => e.SgType, StringComparer.Ordinal).ThenBy(e => e.SgField, StringComparer.Ordinal).ToList();
    }
}
