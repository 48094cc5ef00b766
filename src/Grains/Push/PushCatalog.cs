using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// What a push round looks up: the project's navchains, ShotGrid Steps by code, AYON status name → short name and the
/// status codes each ShotGrid type allows. Loaded once per activation (Steps again when a task type has none).
/// </summary>
public sealed record PushCatalog(
    long SgProjectId,
    Navchains Navchains,
    IReadOnlyDictionary<string, long> StepsByCode,
    IReadOnlyDictionary<string, string> StatusShortNames,
    IReadOnlyDictionary<string, IReadOnlySet<string>> SgStatuses,
    IReadOnlyList<PushedAttribute> Attributes)
{
    /// <summary>The attribute map entries pushed back for a ShotGrid type (see <see cref="PushedAttribute"/>).</summary>
    public IEnumerable<PushedAttribute> AttributesOf(string sgType) => Attributes.Where(a => a.SgType == sgType);

    public SgEntityRef Project => new(SyncEntityTypes.Project, SgProjectId);

    /// <summary>The ShotGrid status code for an AYON status, when ShotGrid's list for the type has it.</summary>
    public string? SgStatus(string sgType, string? ayonStatus)
    {
        if (ayonStatus is null || !StatusShortNames.TryGetValue(ayonStatus, out var code) || !SgStatuses.TryGetValue(sgType, out var allowed))
        {
            return null;
        }

        return allowed.FirstOrDefault(a => string.Equals(a, code, StringComparison.OrdinalIgnoreCase));
    }
}
