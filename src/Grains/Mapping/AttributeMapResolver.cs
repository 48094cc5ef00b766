using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Checks the attribute map against both schemas. A configured entry that names a ShotGrid field the type lacks, an AYON
/// attribute that does not exist, one that does not apply to folders/tasks, or one of a type the sync cannot convert to,
/// stops the sync with a message naming the setting; a default entry that does not apply is left out.
/// </summary>
public static class AttributeMapResolver
{
    private static readonly string[] ConvertibleTypes = ["integer", "float", "string", "boolean"];

    public static ResolvedAttributeMap Resolve(
        IReadOnlyList<AttributeMapEntry> entries,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SgField>> sgFields,
        IReadOnlyList<AyonAttribute> ayonAttributes)
    {
        var errors = new List<string>();
        var resolved = new List<MappedAttribute>();
        foreach (var entry in entries)
        {
            var scope = entry.SgType == SyncEntityTypes.Task ? "task" : "folder";
            var attribute = ayonAttributes.FirstOrDefault(a => string.Equals(a.Name, entry.AyonAttribute, StringComparison.Ordinal));
            string? problem = null;
            if (!sgFields.TryGetValue(entry.SgType, out var fields) || !fields.ContainsKey(entry.SgField))
            {
                problem = $"ShotGrid {entry.SgType} has no field '{entry.SgField}'";
            }
            else if (attribute is null)
            {
                problem = $"AYON has no attribute '{entry.AyonAttribute}'";
            }
            else if (!attribute.Scope.Contains(scope, StringComparer.Ordinal))
            {
                problem = $"AYON attribute '{entry.AyonAttribute}' does not apply to {scope}s (scope: {string.Join(", ", attribute.Scope)})";
            }
            else if (!ConvertibleTypes.Contains(attribute.Type, StringComparer.Ordinal))
            {
                problem = $"AYON attribute '{entry.AyonAttribute}' is of type {attribute.Type}; only {string.Join(", ", ConvertibleTypes)} can be mapped";
            }

            if (problem is null)
            {
                resolved.Add(new MappedAttribute(entry.SgType, entry.SgField, entry.AyonAttribute, attribute!.Type));
            }
            else if (entry.Configured)
            {
                errors.Add($"{entry.Setting} = {entry.AyonAttribute}: {problem}.");
            }
        }

        return errors.Count > 0
            ? throw new SyncSetupException($"The attribute map does not fit the servers: {string.Join(" ", errors)} Fix or remove these settings.")
            : new ResolvedAttributeMap(resolved);
    }
}
