using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Pushes changed labels and statuses of linked entities: reads what ShotGrid has now (one search per type per 500
/// entities), applies the <see cref="ConflictRule"/> field by field and sends what is left as <c>_batch</c> updates.
/// </summary>
public sealed class PushUpdates(IShotGridClient shotGrid, PushBatches batches, IOptions<PushOptions> options, SyncClock clock)
{
    private sealed record Field(string Change, string SgField, string? AyonOld, string? AyonNew, DateTimeOffset At);

    public async Task PushAsync(PushCatalog catalog, PushEntities entities, PushWork work, IReadOnlyCollection<string> created, PushOutcome outcome, CancellationToken cancellationToken)
    {
        var fresh = created.ToHashSet(StringComparer.Ordinal);
        var planned = new List<(SgEntityRef Ref, string Name, List<Field> Fields)>();
        foreach (var id in work.Changes.Keys.Where(id => !fresh.Contains(id) && entities.Refs.ContainsKey(id)))
        {
            var sgRef = entities.Refs[id];
            var (name, label, status) = entities.Folders.TryGetValue(id, out var f) ? (f.Name, f.Label, f.Status)
                : entities.Tasks.TryGetValue(id, out var t) ? (t.Name, t.Label, t.Status) : (id, null, null);
            var fields = new List<Field>();
            foreach (var change in new[] { "label_changed", "renamed" }.Where(c => work.Changed(id, c)).Take(1))
            {
                var (old, at) = work.Before(id, change);
                fields.Add(new Field(change, PushTargets.NameField(sgRef.Type), old ?? name, label ?? name, at));
            }

            if (work.Changed(id, "status_changed") && catalog.SgStatus(sgRef.Type, status) is { } code)
            {
                var (old, at) = work.Before(id, "status_changed");
                fields.Add(new Field("status_changed", "sg_status_list", catalog.SgStatus(sgRef.Type, old), code, at));
            }

            if (fields.Count > 0)
            {
                planned.Add((sgRef, label ?? name, fields));
            }
        }

        var current = await ReadCurrentAsync(planned.Select(p => p.Ref), cancellationToken);
        var writes = new List<(SgEntityRef Ref, JsonObject Data, string Name)>();
        foreach (var (sgRef, name, fields) in planned)
        {
            var record = current.GetValueOrDefault(sgRef);
            var updatedAt = record?.GetString("updated_at") is { } u && DateTimeOffset.TryParse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null;
            var data = new JsonObject();
            foreach (var field in fields)
            {
                var sgValue = record?.GetString(field.SgField);
                var verdict = ConflictRule.Decide(field.AyonOld, field.AyonNew, sgValue, field.At, updatedAt);
                if (verdict is ConflictRule.Verdict.ConflictAyonWins or ConflictRule.Verdict.ConflictShotGridWins)
                {
                    var winner = verdict == ConflictRule.Verdict.ConflictAyonWins ? "AYON" : "ShotGrid";
                    outcome.Conflicts.Add(new PushConflict(sgRef.Type, sgRef.Id, field.SgField, field.AyonNew, sgValue, winner, clock.UtcNow));
                }

                if (verdict is ConflictRule.Verdict.Push or ConflictRule.Verdict.ConflictAyonWins)
                {
                    data[field.SgField] = field.AyonNew;
                }
            }

            if (data.Count > 0)
            {
                writes.Add((sgRef, data, name));
            }
        }

        foreach (var chunk in writes.Chunk(options.Value.BatchSize))
        {
            var results = await batches.SendAsync(
                chunk, u => SgWrite.Update(u.Ref.Type, u.Ref.Id, u.Data), u => (u.Ref.Type, u.Ref.Id.ToString(CultureInfo.InvariantCulture), u.Name), outcome, cancellationToken);
            outcome.Updated += results.Count(r => r is not null);
        }
    }

    /// <summary>What ShotGrid has now for the entities to update (a retired one is missing: its update is then not sent).</summary>
    private async Task<Dictionary<SgEntityRef, SgRecord>> ReadCurrentAsync(IEnumerable<SgEntityRef> refs, CancellationToken cancellationToken)
    {
        var current = new Dictionary<SgEntityRef, SgRecord>();
        foreach (var group in refs.GroupBy(r => r.Type))
        {
            foreach (var chunk in group.Select(r => r.Id).Chunk(500))
            {
                var fields = new[] { PushTargets.NameField(group.Key), "sg_status_list", "updated_at" };
                foreach (var record in await shotGrid.SearchAllAsync(group.Key, SgFilter.And().Where("id", "in", chunk), fields, cancellationToken))
                {
                    current[new SgEntityRef(group.Key, record.Id)] = record;
                }
            }
        }

        return current;
    }
}
