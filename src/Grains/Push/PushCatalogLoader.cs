using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>Reads a <see cref="PushCatalog"/> from ShotGrid and AYON (a handful of requests).</summary>
public sealed class PushCatalogLoader(IShotGridClient shotGrid, IAyonClient ayon, ShotGridProjectReader reader, AttributeMapSource attributeMap)
{
    public async Task<PushCatalog> LoadAsync(long sgProjectId, string ayonProject, CancellationToken cancellationToken)
    {
        var project = await reader.ReadProjectAsync(sgProjectId, cancellationToken);
        var steps = await shotGrid.SearchAllAsync(SyncEntityTypes.Step, SgFilter.And(), ["code"], cancellationToken);
        var ayonProjectInfo = await ayon.GetProjectAsync(ayonProject, cancellationToken)
            ?? throw new AyonException($"AYON project '{ayonProject}' does not exist.");
        var sgStatuses = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var sgFields = new Dictionary<string, IReadOnlyDictionary<string, SgField>>(StringComparer.Ordinal);
        foreach (var type in PushTargets.WrittenTypes)
        {
            var fields = await shotGrid.GetFieldsAsync(type, cancellationToken);
            sgFields[type] = fields;
            sgStatuses[type] = fields.TryGetValue("sg_status_list", out var f) ? f.ValidValues.ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        }

        var map = await attributeMap.RecentAsync(cancellationToken);

        var stepsByCode = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
        {
            if (step.GetString("code") is { } code)
            {
                stepsByCode.TryAdd(code, step.Id);
            }
        }

        return new PushCatalog(
            sgProjectId,
            project.Navchains,
            stepsByCode,
            ayonProjectInfo.Statuses.Where(s => s.ShortName.Length > 0).ToDictionary(s => s.Name, s => s.ShortName, StringComparer.Ordinal),
            sgStatuses,
            PushedAttribute.From(map, sgFields));
    }
}
