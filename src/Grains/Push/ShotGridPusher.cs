using AyonShotgrid.Grains.Options;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;
using AyonShotgrid.Grains.Sync;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Pushes one page of AYON events to ShotGrid: finds what ShotGrid already has by <c>sg_ayon_id</c> (a ShotGrid create
/// is not idempotent, so a replayed page must not create twice), creates the rest level by level in <c>_batch</c>
/// requests (a batch cannot link to a record it creates itself), updates changed names and statuses, then writes the
/// links back to AYON (as the cluster, so those AYON events are not pushed again).
/// </summary>
public sealed class ShotGridPusher(IShotGridClient shotGrid, PushBatches batches, PushUpdates updates, IAyonClient ayon, IAyonEventStream stream, IOptions<PushOptions> options)
{
    public async Task<PushOutcome> PushAsync(string ayonProject, PushCatalog catalog, IReadOnlyList<AyonEvent> events, CancellationToken cancellationToken)
    {
        var work = PushWork.From(events);
        var outcome = new PushOutcome { OwnSkipped = work.OwnSkipped };
        foreach (var (type, id) in work.Deleted)
        {
            outcome.Issues.Add(new SyncIssue("skipped", type, 0, id, "deleted in AYON; the ShotGrid entity is kept (the push never retires)"));
        }

        if (work.FolderIds.Count + work.TaskIds.Count == 0)
        {
            return outcome;
        }

        var entities = await PushEntities.ReadAsync(stream, ayonProject, work, cancellationToken);
        var found = await FindByAyonIdAsync(catalog, entities, outcome, cancellationToken);
        var created = new List<string>();
        var plan = new PushCreatePlan(catalog, entities, outcome.Issues);
        foreach (var level in plan.FolderLevels())
        {
            await CreateAsync(level(), entities, created, outcome, cancellationToken);
        }

        await CreateAsync(plan.Tasks(), entities, created, outcome, cancellationToken);
        await updates.PushAsync(catalog, entities, work, created, outcome, cancellationToken);
        await WriteLinksAsync(ayonProject, entities, [.. created, .. found], cancellationToken);
        outcome.Created = created.Count;
        outcome.Linked = found.Count;
        return outcome;
    }

    /// <summary>ShotGrid entities that already carry the AYON id of an unlinked AYON entity (a create whose link write was lost).</summary>
    private async Task<List<string>> FindByAyonIdAsync(PushCatalog catalog, PushEntities entities, PushOutcome outcome, CancellationToken cancellationToken)
    {
        var unlinked = entities.Folders.Values.Where(f => !entities.Refs.ContainsKey(f.Id) && PushTargets.ShotGridType(f.FolderType) is not null)
            .Select(f => (Type: PushTargets.ShotGridType(f.FolderType)!, f.Id))
            .Concat(entities.Tasks.Values.Where(t => !entities.Refs.ContainsKey(t.Id)).Select(t => (Type: SyncEntityTypes.Task, t.Id)));
        var found = new List<string>();
        foreach (var group in unlinked.GroupBy(u => u.Type))
        {
            foreach (var chunk in group.Select(g => g.Id).Chunk(500))
            {
                var filter = SgFilter.And().Where("project", "is", catalog.Project).Where(PushTargets.AyonIdField, "in", chunk);
                var records = await shotGrid.SearchAllAsync(group.Key, filter, [PushTargets.AyonIdField], cancellationToken, sort: "id");
                foreach (var r in records)
                {
                    // Two ShotGrid entities with one AYON id (a retried create): the first one made is the one linked.
                    if (r.GetString(PushTargets.AyonIdField) is { } ayonId && entities.Refs.TryAdd(ayonId, new SgEntityRef(group.Key, r.Id)))
                    {
                        found.Add(ayonId);
                    }
                }
            }
        }

        return found;
    }

    private async Task CreateAsync(IReadOnlyList<PushCreate> creates, PushEntities entities, List<string> created, PushOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var chunk in creates.Chunk(options.Value.BatchSize))
        {
            var results = await batches.SendAsync(chunk, c => SgWrite.Create(c.SgType, c.Data), c => (c.SgType, c.AyonId, c.Name), outcome, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (results[i] is { } record)
                {
                    entities.Refs[chunk[i].AyonId] = new SgEntityRef(chunk[i].SgType, record.Id);
                    created.Add(chunk[i].AyonId);
                }
            }
        }
    }

    private async Task WriteLinksAsync(string ayonProject, PushEntities entities, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var operations = ids.Select(id => new AyonOperation(
            Guid.NewGuid().ToString("N"), "update", entities.Folders.ContainsKey(id) ? "folder" : "task", id,
            new JsonObject
            {
                ["attrib"] = new JsonObject
                {
                    [NodeKeys.AttribId] = entities.Refs[id].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [NodeKeys.AttribType] = entities.Refs[id].Type,
                },
            })).ToList();
        foreach (var chunk in operations.Chunk(500))
        {
            await ayon.SendOperationsAsync(ayonProject, chunk, canFail: true, cancellationToken);
        }
    }
}
