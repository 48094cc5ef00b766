namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// ShotGrid status codes → AYON status names. AYON statuses carry the ShotGrid code as their short name
/// (Prepare Project creates them from the ShotGrid status lists), so the mapping goes through the short name.
/// </summary>
public sealed class StatusMap(IReadOnlyDictionary<string, (string Name, IReadOnlyList<string>? Scope)> byShortName)
{
    public static StatusMap Empty { get; } = new(new Dictionary<string, (string, IReadOnlyList<string>?)>());

    /// <summary>The AYON status for a ShotGrid code on an entity type ("folder"/"task"), or null to let AYON choose its default.</summary>
    public string? For(string? sgCode, string ayonEntityType)
    {
        if (string.IsNullOrEmpty(sgCode) || !byShortName.TryGetValue(sgCode.ToLowerInvariant(), out var status))
        {
            return null;
        }

        return status.Scope is null || status.Scope.Count == 0 || status.Scope.Contains(ayonEntityType) ? status.Name : null;
    }

    /// <summary>Why <see cref="For"/> found no status for a code (for the conflict it reports).</summary>
    public string WhyNot(string sgCode, string ayonEntityType) =>
        byShortName.TryGetValue(sgCode.ToLowerInvariant(), out var status)
            ? $"ShotGrid status '{sgCode}' is AYON status '{status.Name}', which AYON does not allow for {ayonEntityType}s (its scope: {string.Join(", ", status.Scope ?? [])})"
            : $"ShotGrid status '{sgCode}' has no AYON status with that short name (Prepare Project adds ShotGrid's statuses)";

    public static StatusMap From(IEnumerable<Ayon.AyonStatus> statuses)
    {
        var map = new Dictionary<string, (string, IReadOnlyList<string>?)>(StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            var key = (string.IsNullOrEmpty(status.ShortName) ? status.Name : status.ShortName).ToLowerInvariant();
            map.TryAdd(key, (status.Name, status.Scope));
        }

        return new StatusMap(map);
    }
}
