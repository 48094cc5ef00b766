using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Pushes AYON versions as ShotGrid Versions with a PublishedFile per representation — what the old addon's publish
/// plugin wrote. Runs after the round's folders and tasks, so a version published on a new shot finds the shot's
/// ShotGrid entity. Idempotent like the folder push: a version or representation whose ShotGrid record exists (found by
/// <c>sg_ayon_id</c>) is linked, not created again; a changed version updates status, description and frame range.
/// </summary>
public sealed class VersionPusher(IShotGridClient shotGrid, PushBatches batches, PublishedFileTypes fileTypes, IAyonClient ayon, IAyonEventStream stream, IOptions<PushOptions> options)
{
    public async Task PushAsync(string ayonProject, PushCatalog catalog, PushEntities entities, PushWork work, PushOutcome outcome, CancellationToken cancellationToken)
    {
        var versions = await stream.GetVersionsByIdsAsync(ayonProject, work.VersionIds, cancellationToken);
        await PushVersionsAsync(ayonProject, catalog, entities, versions, work.Changes.ContainsKey, outcome, dryRun: false, cancellationToken);
    }

    /// <summary>
    /// Sync to ShotGrid: creates the Versions and PublishedFiles ShotGrid lacks for <paramref name="versions"/> (all of the
    /// project's), never updates. A dry run adds each create to <see cref="PushOutcome.Planned"/> and writes nothing.
    /// </summary>
    public Task PushAllAsync(string ayonProject, PushCatalog catalog, PushEntities entities, IReadOnlyList<AyonVersion> versions, PushOutcome outcome, bool dryRun, CancellationToken cancellationToken) =>
        PushVersionsAsync(ayonProject, catalog, entities, versions, _ => false, outcome, dryRun, cancellationToken);

    private async Task PushVersionsAsync(
        string ayonProject, PushCatalog catalog, PushEntities entities, IReadOnlyList<AyonVersion> versions, Func<string, bool> changed, PushOutcome outcome, bool dryRun, CancellationToken cancellationToken)
    {
        if (versions.Count == 0)
        {
            return;
        }

        await ReadParentsAsync(ayonProject, entities, versions, cancellationToken);
        var refs = await FindAsync(catalog, PushTargets.Version, versions.Select(v => v.Id), cancellationToken);
        foreach (var v in versions)
        {
            if (PushEntities.LinkOf(v.Attrib) is { Type: PushTargets.Version } link)
            {
                refs.TryAdd(v.Id, link.Id);
            }
        }

        var plan = new VersionPlan(catalog, entities, await UsersAsync(versions, refs, cancellationToken), outcome.Issues);
        var creates = versions.Where(v => !refs.ContainsKey(v.Id)).Select(v => (Version: v, Data: plan.Create(v))).Where(c => c.Data is not null).ToList();
        var created = new List<AyonVersion>();
        if (dryRun)
        {
            foreach (var (version, _) in creates)
            {
                // Planned as made (id 0), so its representations are planned as PublishedFiles too.
                outcome.Planned.Add(new SyncChange(PushTargets.Version, 0, version.Id, plan.Code(version), SyncChangeFields.Create, null, null));
                refs[version.Id] = 0;
            }

            creates.Clear();
        }

        foreach (var chunk in creates.Chunk(options.Value.BatchSize))
        {
            var results = await batches.SendAsync(chunk, c => SgWrite.Create(PushTargets.Version, c.Data!), c => (PushTargets.Version, c.Version.Id, plan.Code(c.Version)), outcome, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (results[i] is { } record)
                {
                    refs[chunk[i].Version.Id] = record.Id;
                    created.Add(chunk[i].Version);
                }
            }
        }

        var updates = versions.Where(v => refs.ContainsKey(v.Id) && !created.Contains(v) && changed(v.Id))
            .Select(v => SgWrite.Update(PushTargets.Version, refs[v.Id], plan.Update(v))).ToList();
        foreach (var chunk in updates.Where(u => u.Data.Count > 0).Chunk(options.Value.BatchSize))
        {
            await batches.SendAsync(chunk, u => u, u => (PushTargets.Version, u.RecordId!.Value.ToString(CultureInfo.InvariantCulture), ""), outcome, cancellationToken);
            outcome.Updated += chunk.Length;
        }

        await PushFilesAsync(catalog, entities, versions.Where(v => refs.ContainsKey(v.Id)).ToList(), refs, plan, outcome, dryRun, cancellationToken);
        if (dryRun)
        {
            return;
        }

        outcome.Created += created.Count;
        await WriteLinksAsync(ayonProject, versions.Where(v => refs.ContainsKey(v.Id) && PushEntities.LinkOf(v.Attrib) is null).ToList(), refs, cancellationToken);
    }

    /// <summary>A PublishedFile for each representation ShotGrid does not have yet (by <c>sg_ayon_id</c>), with its type found or made.</summary>
    private async Task PushFilesAsync(PushCatalog catalog, PushEntities entities, List<AyonVersion> versions, Dictionary<string, long> refs, VersionPlan plan, PushOutcome outcome, bool dryRun, CancellationToken cancellationToken)
    {
        var representations = versions.SelectMany(v => v.Representations.Select(r => (Version: v, Representation: r))).ToList();
        var existing = await FindAsync(catalog, PushTargets.PublishedFile, representations.Select(r => r.Representation.Id), cancellationToken);
        var missing = representations.Where(r => !existing.ContainsKey(r.Representation.Id) && r.Representation.Path is not null).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (dryRun)
        {
            foreach (var (version, representation) in missing)
            {
                var code = plan.PublishedFile(version, representation, 0, null)["code"]!.GetValue<string>();
                outcome.Planned.Add(new SyncChange(PushTargets.PublishedFile, 0, representation.Id, code, SyncChangeFields.Create, null, null));
            }

            return;
        }

        var types = await fileTypes.EnsureAsync(missing.Select(r => r.Representation.Name), outcome, cancellationToken);
        var creates = missing.Select(r => plan.PublishedFile(r.Version, r.Representation, refs[r.Version.Id], types.GetValueOrDefault(r.Representation.Name))).ToList();
        foreach (var chunk in creates.Chunk(options.Value.BatchSize))
        {
            var results = await batches.SendAsync(chunk, c => SgWrite.Create(PushTargets.PublishedFile, c), c => (PushTargets.PublishedFile, c[PushTargets.AyonIdField]!.GetValue<string>(), c["code"]!.GetValue<string>()), outcome, cancellationToken);
            outcome.Created += results.Count(r => r is not null);
        }
    }

    /// <summary>The folders and tasks the versions hang on that the round did not read (a publish on an older shot).</summary>
    private async Task ReadParentsAsync(string ayonProject, PushEntities entities, IReadOnlyList<AyonVersion> versions, CancellationToken cancellationToken)
    {
        var folderIds = versions.Select(v => v.FolderId).Where(id => !entities.Folders.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var f in folderIds.Count == 0 ? [] : await stream.GetFoldersByIdsAsync(ayonProject, folderIds, cancellationToken))
        {
            entities.Folders[f.Id] = f;
            if (PushEntities.LinkOf(f.Attrib) is { } link)
            {
                entities.Refs.TryAdd(f.Id, link);
            }
        }

        var taskIds = versions.Select(v => v.TaskId).OfType<string>().Where(id => !entities.Tasks.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var t in taskIds.Count == 0 ? [] : await stream.GetTasksByIdsAsync(ayonProject, taskIds, cancellationToken))
        {
            entities.Tasks[t.Id] = t;
            if (PushEntities.LinkOf(t.Attrib) is { } link)
            {
                entities.Refs.TryAdd(t.Id, link);
            }
        }
    }

    /// <summary>AYON id → ShotGrid id of the records of <paramref name="sgType"/> in the project that carry one of the ids.</summary>
    private async Task<Dictionary<string, long>> FindAsync(PushCatalog catalog, string sgType, IEnumerable<string> ayonIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in ayonIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var filter = SgFilter.And().Where("project", "is", catalog.Project).Where(PushTargets.AyonIdField, "in", chunk);
            foreach (var r in await shotGrid.SearchAllAsync(sgType, filter, [PushTargets.AyonIdField], cancellationToken, sort: "id"))
            {
                if (r.GetString(PushTargets.AyonIdField) is { } ayonId)
                {
                    found.TryAdd(ayonId, r.Id);
                }
            }
        }

        return found;
    }

    /// <summary>AYON user name → ShotGrid HumanUser id, read only when a version is about to be created.</summary>
    private async Task<IReadOnlyDictionary<string, long>> UsersAsync(IReadOnlyList<AyonVersion> versions, Dictionary<string, long> refs, CancellationToken cancellationToken)
    {
        if (versions.All(v => refs.ContainsKey(v.Id) || v.Author is null))
        {
            return new Dictionary<string, long>();
        }

        var users = await ayon.GetUsersAsync(cancellationToken);
        return users.Where(u => u.ShotGridUserId is not null).ToDictionary(u => u.Name, u => u.ShotGridUserId!.Value, StringComparer.Ordinal);
    }

    private async Task WriteLinksAsync(string ayonProject, List<AyonVersion> versions, Dictionary<string, long> refs, CancellationToken cancellationToken)
    {
        var operations = versions.Select(v => new AyonOperation(
            Guid.NewGuid().ToString("N"), "update", "version", v.Id,
            new JsonObject
            {
                ["attrib"] = new JsonObject
                {
                    [NodeKeys.AttribId] = refs[v.Id].ToString(CultureInfo.InvariantCulture),
                    [NodeKeys.AttribType] = PushTargets.Version,
                },
            })).ToList();
        foreach (var chunk in operations.Chunk(500))
        {
            await ayon.SendOperationsAsync(ayonProject, chunk, canFail: true, cancellationToken);
        }
    }
}
