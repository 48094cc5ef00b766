using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Pushes one page of AYON events to ShotGrid: finds what ShotGrid already has by <c>sg_ayon_id</c> (a ShotGrid create
/// is not idempotent, so a replayed page must not create twice), creates the rest level by level in <c>_batch</c>
/// requests (a batch cannot link to a record it creates itself), updates changed names and statuses, then writes the
/// links back to AYON (as the cluster, so those AYON events are not pushed again).
/// </summary>
public sealed class ShotGridPusher(
    IShotGridClient shotGrid, PushBatches batches, PushUpdates updates, PushRetirements retirements, VersionPusher versions, IAyonClient ayon, IAyonEventStream stream, IOptions<PushOptions> options)
{
    public async Task<PushOutcome> PushAsync(string ayonProject, PushCatalog catalog, IReadOnlyList<AyonEvent> events, CancellationToken cancellationToken)
    {
        var work = PushWork.From(events);
        var outcome = new PushOutcome { OwnSkipped = work.OwnSkipped };
        await retirements.PushAsync(catalog, work.Deleted, outcome, cancellationToken);

        if (work.FolderIds.Count + work.TaskIds.Count + work.VersionIds.Count == 0)
        {
            return outcome;
        }

        var entities = await PushEntities.ReadAsync(stream, ayonProject, work, cancellationToken);
        await PushEntitiesAsync(ayonProject, catalog, entities, work, outcome, dryRun: false, cancellationToken);
        if (work.VersionIds.Count > 0)
        {
            // After the folders and tasks: a version published on a shot made in the same round links to its new ShotGrid entity.
            await versions.PushAsync(ayonProject, catalog, entities, work, outcome, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Sync to ShotGrid: every folder, task and version of the AYON project that ShotGrid lacks is created (or linked when
    /// ShotGrid has it by <c>sg_ayon_id</c>), with a PublishedFile per representation; nothing is updated or deleted. A dry
    /// run only lists what it would create (<see cref="PushOutcome.Planned"/>). <paramref name="phase"/> hears each step.
    /// </summary>
    public async Task<PushOutcome> PushAllAsync(string ayonProject, PushCatalog catalog, bool dryRun, Func<string, int, Task> phase, CancellationToken cancellationToken)
    {
        await phase("reading AYON folders, tasks and versions", 10);
        var entities = new PushEntities();
        foreach (var f in await ayon.GetFoldersAsync(ayonProject, cancellationToken))
        {
            entities.Folders[f.Id] = f;
            if (PushEntities.LinkOf(f.Attrib) is { } link)
            {
                entities.Refs[f.Id] = link;
            }
        }

        foreach (var t in await ayon.GetTasksAsync(ayonProject, cancellationToken))
        {
            entities.Tasks[t.Id] = t;
            if (PushEntities.LinkOf(t.Attrib) is { } link)
            {
                entities.Refs[t.Id] = link;
            }
        }

        var versionList = await stream.GetAllVersionsAsync(ayonProject, cancellationToken);
        var outcome = new PushOutcome
        {
            Considered = entities.Folders.Values.Count(f => PushTargets.ShotGridType(f.FolderType) is not null) + entities.Tasks.Count
                + versionList.Sum(v => 1 + v.Representations.Count(r => r.Path is not null)),
        };
        await PushEntitiesAsync(ayonProject, catalog, entities, new PushWork(), outcome, dryRun, cancellationToken, phase);
        await phase(dryRun ? "planning ShotGrid versions and published files" : "creating ShotGrid versions and published files", 80);
        await versions.PushAllAsync(ayonProject, catalog, entities, versionList, outcome, dryRun, cancellationToken);
        return outcome;
    }

    private async Task PushEntitiesAsync(
        string ayonProject, PushCatalog catalog, PushEntities entities, PushWork work, PushOutcome outcome, bool dryRun, CancellationToken cancellationToken, Func<string, int, Task>? phase = null)
    {
        phase ??= (_, _) => Task.CompletedTask;
        await phase("reading ShotGrid: entities carrying AYON ids", 25);
        var found = await FindByAyonIdAsync(catalog, entities, outcome, cancellationToken);
        var created = new List<string>();
        var plan = new PushCreatePlan(catalog, entities, outcome.Issues);
        await phase(dryRun ? "planning ShotGrid folders" : "creating ShotGrid folders", 40);
        foreach (var level in plan.FolderLevels())
        {
            await CreateAsync(level(), entities, created, outcome, dryRun, cancellationToken);
        }

        await phase(dryRun ? "planning ShotGrid tasks" : "creating ShotGrid tasks", 60);
        await CreateAsync(plan.Tasks(), entities, created, outcome, dryRun, cancellationToken);
        outcome.Linked = found.Count;
        if (dryRun)
        {
            return;
        }

        await updates.PushAsync(catalog, entities, work, created, outcome, cancellationToken);
        await WriteLinksAsync(ayonProject, entities, [.. created, .. found], cancellationToken);
        outcome.Created = created.Count;
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

    private async Task CreateAsync(IReadOnlyList<PushCreate> creates, PushEntities entities, List<string> created, PushOutcome outcome, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            // Planned as if made (id 0), so the next level plans its parent links instead of reporting missing parents.
            foreach (var c in creates)
            {
                outcome.Planned.Add(new SyncChange(c.SgType, 0, c.AyonId, c.Name, "create", null, null));
                entities.Refs[c.AyonId] = new SgEntityRef(c.SgType, 0);
            }

            return;
        }

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
