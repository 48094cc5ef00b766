using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Options;

/// <summary>
/// What of <see cref="SyncOptions"/> can be checked without the servers: the attribute map's shape. The map is checked
/// against the ShotGrid and AYON schemas when a sync starts (<see cref="Mapping.AttributeMapResolver"/>).
/// </summary>
public sealed partial class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    private static readonly string[] MappableTypes = ["Episode", "Sequence", "Scene", "Shot", "Asset", "Task"];
    private static readonly string[] ReservedAttributes = ["shotgridId", "shotgridType"];

    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        foreach (var (type, fields) in options.AttributeMap)
        {
            if (!MappableTypes.Contains(type, StringComparer.Ordinal))
            {
                failures.Add($"Sync:AttributeMap:{type}: '{type}' is not a synced ShotGrid entity type (one of {string.Join(", ", MappableTypes)}).");
                continue;
            }

            foreach (var (field, attribute) in fields)
            {
                if (!SgFieldName().IsMatch(field))
                {
                    failures.Add($"Sync:AttributeMap:{type}:{field}: '{field}' is not a ShotGrid field name (lower-case letters, digits, '_'; linked fields are not supported).");
                }

                if (string.IsNullOrWhiteSpace(attribute))
                {
                    continue;
                }

                if (!AyonAttributeName().IsMatch(attribute.Trim()))
                {
                    failures.Add($"Sync:AttributeMap:{type}:{field}: '{attribute}' is not an AYON attribute name.");
                }
                else if (ReservedAttributes.Contains(attribute.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"Sync:AttributeMap:{type}:{field}: '{attribute}' is the sync's own link attribute and cannot be mapped.");
                }
            }
        }

        foreach (var clash in AttributeMapEntry.From(options).GroupBy(e => (e.SgType, e.AyonAttribute)).Where(g => g.Count() > 1))
        {
            failures.Add($"Sync:AttributeMap:{clash.Key.SgType}: AYON attribute '{clash.Key.AyonAttribute}' is mapped from several ShotGrid fields ({string.Join(", ", clash.Select(e => e.SgField))}); map one, or set the others to an empty value.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SgFieldName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex AyonAttributeName();
}
