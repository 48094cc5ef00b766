using System.Globalization;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// What a deletion in AYON does to ShotGrid. By default nothing: the entity is kept and the project status says so (a
/// ShotGrid entity carries reviews, notes and schedules AYON never had). With <see cref="PushOptions.RetireDeleted"/> it
/// is retired through <c>_batch</c> deletes; the entity is the one the deleted row was linked to, else the one carrying
/// its AYON id.
/// </summary>
public sealed class PushRetirements(IShotGridClient shotGrid, PushBatches batches, IOptions<PushOptions> options)
{
    public async Task PushAsync(PushCatalog catalog, IReadOnlyList<DeletedInAyon> deleted, PushOutcome outcome, CancellationToken cancellationToken)
    {
        if (deleted.Count == 0)
        {
            return;
        }

        if (!options.Value.RetireDeleted)
        {
            foreach (var d in deleted)
            {
                outcome.Issues.Add(new SyncIssue("kept", d.Link?.Type ?? d.Kind, d.Link?.Id ?? 0, d.Id, "deleted in AYON, kept in ShotGrid (Push:RetireDeleted is off)"));
            }

            return;
        }

        var targets = await FindAsync(catalog, deleted, cancellationToken);
        foreach (var d in deleted.Where(d => !targets.ContainsKey(d.Id)))
        {
            outcome.Issues.Add(new SyncIssue("skipped", d.Kind, 0, d.Id, "deleted in AYON; no ShotGrid entity is linked to it, so nothing is retired"));
        }

        foreach (var chunk in targets.ToArray().Chunk(options.Value.BatchSize))
        {
            var results = await batches.SendAsync(
                chunk, t => SgWrite.Delete(t.Value.Type, t.Value.Id), t => (t.Value.Type, t.Value.Id.ToString(CultureInfo.InvariantCulture), t.Key), outcome, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (results[i] is not null)
                {
                    outcome.Issues.Add(new SyncIssue("retired", chunk[i].Value.Type, chunk[i].Value.Id, chunk[i].Key, "deleted in AYON: retired in ShotGrid"));
                }
            }
        }
    }

    /// <summary>AYON id → the ShotGrid entity to retire: the link the event carried, else a search by <c>sg_ayon_id</c>.</summary>
    private async Task<Dictionary<string, SgEntityRef>> FindAsync(PushCatalog catalog, IReadOnlyList<DeletedInAyon> deleted, CancellationToken cancellationToken)
    {
        var found = deleted.Where(d => d.Link is not null).GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Link!, StringComparer.Ordinal);
        foreach (var group in deleted.Where(d => !found.ContainsKey(d.Id)).GroupBy(d => d.Kind))
        {
            IReadOnlyList<string> types = group.Key switch
            {
                "folder" => SyncEntityTypes.FolderEntities,
                "task" => [SyncEntityTypes.Task],
                "version" => [PushTargets.Version],
                _ => [],
            };
            foreach (var type in types)
            {
                foreach (var chunk in group.Select(d => d.Id).Where(id => !found.ContainsKey(id)).Distinct(StringComparer.Ordinal).Chunk(500))
                {
                    var filter = SgFilter.And().Where("project", "is", catalog.Project).Where(PushTargets.AyonIdField, "in", chunk);
                    foreach (var r in await shotGrid.SearchAllAsync(type, filter, [PushTargets.AyonIdField], cancellationToken, sort: "id"))
                    {
                        if (r.GetString(PushTargets.AyonIdField) is { } ayonId)
                        {
                            found.TryAdd(ayonId, new SgEntityRef(type, r.Id));
                        }
                    }
                }
            }
        }

        return found;
    }
}
