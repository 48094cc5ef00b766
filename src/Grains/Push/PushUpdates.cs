using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Pushes the changes of linked entities — label, status, tags, task assignees and mapped attributes: reads what
/// ShotGrid has now (one search per type per 500 entities), applies the <see cref="ConflictRule"/> field by field, finds
/// or creates the Tags the surviving writes name, and sends them as <c>_batch</c> updates. An entity created this round
/// already got its label and status; its other fields changed since the create are pushed like any change.
/// </summary>
public sealed class PushUpdates(IShotGridClient shotGrid, PushBatches batches, ShotGridTags tags, IAyonClient ayon, IOptions<PushOptions> options, SyncClock clock)
{
    /// <param name="Fresh">Created this round: ShotGrid cannot have changed it since, so no conflict is possible.</param>
    private sealed record Planned(SgEntityRef Ref, string Name, List<PushField> Fields, bool Fresh);

    public async Task PushAsync(PushCatalog catalog, PushEntities entities, PushWork work, IReadOnlyCollection<string> created, PushOutcome outcome, CancellationToken cancellationToken)
    {
        var planned = await PlanAsync(catalog, entities, work, created.ToHashSet(StringComparer.Ordinal), outcome, cancellationToken);
        var current = await ReadCurrentAsync(planned, cancellationToken);
        var writes = new List<(Planned Entity, List<PushField> Fields, SgRecord Record)>();
        foreach (var entity in planned)
        {
            if (current.GetValueOrDefault(entity.Ref) is not { } record)
            {
                outcome.Issues.Add(new SyncIssue("skipped", entity.Ref.Type, entity.Ref.Id, entity.Name, "changed in AYON, but ShotGrid no longer has it (retired)"));
                continue;
            }

            var fields = entity.Fields
                .Where(f => entity.Fresh ? !string.Equals(f.ShotGridText(record), f.AyonNew, StringComparison.Ordinal) : Decide(entity.Ref, f, record, outcome))
                .ToList();
            if (fields.Count > 0)
            {
                writes.Add((entity, fields, record));
            }
        }

        var tagNames = writes.SelectMany(w => w.Fields).SelectMany(f => f.TagNames ?? []).ToHashSet(StringComparer.Ordinal);
        var tagIds = tagNames.Count == 0 ? [] : await tags.ResolveAsync(tagNames, outcome, cancellationToken);
        var updates = writes.Select(w => (w.Entity.Ref, w.Entity.Name, Data: Data(w.Fields, w.Record, tagIds))).ToList();
        foreach (var chunk in updates.Chunk(options.Value.BatchSize))
        {
            var results = await batches.SendAsync(
                chunk, u => SgWrite.Update(u.Ref.Type, u.Ref.Id, u.Data), u => (u.Ref.Type, u.Ref.Id.ToString(CultureInfo.InvariantCulture), u.Name), outcome, cancellationToken);
            outcome.Updated += results.Count(r => r is not null);
        }
    }

    private async Task<List<Planned>> PlanAsync(
        PushCatalog catalog, PushEntities entities, PushWork work, HashSet<string> fresh, PushOutcome outcome, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, long>? users = null;
        var planned = new List<Planned>();
        // A create carries label and status only; tags and assignees it was made with follow as an update of the same round.
        var ids = work.Changes.Keys.Concat(fresh.Where(id => entities.Tasks.GetValueOrDefault(id) is { } t ? t.Tags?.Count > 0 || t.Assignees?.Count > 0 : entities.Folders.GetValueOrDefault(id)?.Tags?.Count > 0));
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(entities.Refs.ContainsKey))
        {
            var isFresh = fresh.Contains(id);
            var sgRef = entities.Refs[id];
            var folder = entities.Folders.GetValueOrDefault(id);
            var task = entities.Tasks.GetValueOrDefault(id);
            var (name, label, status) = folder is not null ? (folder.Name, folder.Label, folder.Status) : task is not null ? (task.Name, task.Label, task.Status) : (id, null, null);
            var fields = new List<PushField>();
            if (!isFresh)
            {
                // A create of this round was made with the label and status AYON has now.
                fields.AddRange(NameAndStatus(catalog, work, id, sgRef, name, label, status));
            }

            if (PushTagField.For(id, folder?.Tags ?? task?.Tags, work, isFresh) is { } tagField)
            {
                fields.Add(tagField);
            }

            if (task is not null && (work.Changed(id, "assignees_changed") || (isFresh && task.Assignees?.Count > 0)))
            {
                users ??= await LinkedUsersAsync(cancellationToken);
                if (PushAssigneeField.For(id, task, sgRef.Id, work, users, outcome.Issues, isFresh) is { } assignees)
                {
                    fields.Add(assignees);
                }
            }

            fields.AddRange(PushAttributeFields.For(catalog, sgRef.Type, id, folder?.Attrib ?? task?.Attrib ?? new Dictionary<string, string?>(), work));
            if (fields.Count > 0)
            {
                planned.Add(new Planned(sgRef, label ?? name, fields, isFresh));
            }
        }

        return planned;
    }

    private static IEnumerable<PushField> NameAndStatus(PushCatalog catalog, PushWork work, string id, SgEntityRef sgRef, string name, string? label, string? status)
    {
        foreach (var change in new[] { "label_changed", "renamed" }.Where(c => work.Changed(id, c)).Take(1))
        {
            var (old, at) = work.Before(id, change);
            yield return PushField.Text(PushTargets.NameField(sgRef.Type), old ?? name, label ?? name, at);
        }

        if (work.Changed(id, "status_changed") && catalog.SgStatus(sgRef.Type, status) is { } code)
        {
            var (old, at) = work.Before(id, "status_changed");
            yield return PushField.Text("sg_status_list", catalog.SgStatus(sgRef.Type, old), code, at);
        }
    }

    /// <summary>Whether the field is written; a conflict is reported with both values either way.</summary>
    private bool Decide(SgEntityRef sgRef, PushField field, SgRecord record, PushOutcome outcome)
    {
        var updatedAt = record.GetString("updated_at") is { } u && DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null;
        var sgValue = field.ShotGridText(record);
        var verdict = ConflictRule.Decide(field.AyonOld, field.AyonNew, sgValue, field.At, updatedAt);
        if (verdict is ConflictRule.Verdict.ConflictAyonWins or ConflictRule.Verdict.ConflictShotGridWins)
        {
            var winner = verdict == ConflictRule.Verdict.ConflictAyonWins ? "AYON" : "ShotGrid";
            outcome.Conflicts.Add(new PushConflict(sgRef.Type, sgRef.Id, field.SgField, field.AyonNew, sgValue, winner, clock.UtcNow));
        }

        return verdict is ConflictRule.Verdict.Push or ConflictRule.Verdict.ConflictAyonWins;
    }

    private static JsonObject Data(List<PushField> fields, SgRecord record, IReadOnlyDictionary<string, long> tagIds)
    {
        var data = new JsonObject();
        foreach (var field in fields)
        {
            data[field.SgField] = field.TagNames is { } names ? PushTagField.Links(names, tagIds) : field.Value(record);
        }

        return data;
    }

    /// <summary>AYON user name → ShotGrid HumanUser id for the linked users, read once per round that changes assignees.</summary>
    private async Task<IReadOnlyDictionary<string, long>> LinkedUsersAsync(CancellationToken cancellationToken) =>
        (await ayon.GetUsersAsync(cancellationToken)).Where(u => u.ShotGridUserId is not null).ToDictionary(u => u.Name, u => u.ShotGridUserId!.Value, StringComparer.Ordinal);

    /// <summary>What ShotGrid has now for the entities to update (a retired one is missing: its update is then not sent).</summary>
    private async Task<Dictionary<SgEntityRef, SgRecord>> ReadCurrentAsync(List<Planned> planned, CancellationToken cancellationToken)
    {
        var current = new Dictionary<SgEntityRef, SgRecord>();
        foreach (var group in planned.GroupBy(p => p.Ref.Type))
        {
            var fields = group.SelectMany(p => p.Fields).Select(f => f.SgField).Append("updated_at").Distinct(StringComparer.Ordinal).ToArray();
            foreach (var chunk in group.Select(p => p.Ref.Id).Distinct().Chunk(500))
            {
                foreach (var record in await shotGrid.SearchAllAsync(group.Key, SgFilter.And().Where("id", "in", chunk), fields, cancellationToken))
                {
                    current[new SgEntityRef(group.Key, record.Id)] = record;
                }
            }
        }

        return current;
    }
}
