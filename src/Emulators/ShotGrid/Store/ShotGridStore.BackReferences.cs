using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>A link write that changed the reverse list field of the old and/or new target (Sequence.shots for Shot.sg_sequence).</summary>
internal sealed record BackReference(EntityRow Child, string Field, string Reverse, EntityRow? RemovedFrom, EntityRow? AddedTo);

// Reverse fields ShotGrid keeps in step with a forward link, and the event rows it writes on the other side.
public sealed partial class ShotGridStore
{
    // Forward link field -> multi_entity field on the target that ShotGrid keeps in step (Sequence.shots, ...).
    private static readonly Dictionary<(string Type, string Field), string> ReverseFields = new()
    {
        [("Shot", "sg_sequence")] = "shots",
        [("Sequence", "episode")] = "sequences",
        [("Scene", "sg_sequence")] = "scenes",
        [("Task", "entity")] = "tasks",
        [("Version", "sg_task")] = "sg_versions",
        [("PublishedFile", "version")] = "published_files",
    };

    private BackReference? LinkReverse(EntityRow row, string field, EntityLink? oldTarget, EntityLink? newTarget)
    {
        if (!ReverseFields.TryGetValue((row.Type, field), out var reverse))
        {
            return null;
        }

        var self = new EntityLink(row.Type, row.Id);
        EntityRow? removedFrom = null, addedTo = null;
        if (oldTarget is not null && FindRow(oldTarget.Type, oldTarget.Id) is { } oldRow && oldRow.Fields.GetValueOrDefault(reverse) is List<EntityLink> oldList
            && oldList.Remove(self))
        {
            removedFrom = oldRow;
        }

        if (newTarget is not null && FindRow(newTarget.Type, newTarget.Id) is { } newRow && newRow.Def.Fields.ContainsKey(reverse))
        {
            if (newRow.Fields.GetValueOrDefault(reverse) is not List<EntityLink> list)
            {
                newRow.Fields[reverse] = list = [];
            }

            if (!list.Contains(self))
            {
                list.Add(self);
                addedTo = newRow;
            }
        }

        return removedFrom is null && addedTo is null ? null : new BackReference(row, field, reverse, removedFrom, addedTo);
    }

    /// <summary>
    /// The row real ShotGrid writes on the other side of a link, right after the forward field's row: a Change of the
    /// target's reverse field whose meta names the entity actually written (entity_type/entity_id, actual_attribute_changed)
    /// and the forward row (original_event_log_entry_id) — keys exactly as sgcache recorded one (event_log_examples.json
    /// change_backref_2015). A re-link writes one on each side: removed from the old target, added to the new one.
    /// </summary>
    private void EmitBackReference(BackReference back, long forwardEventId, bool inCreate, StoreActor? actor, DateTimeOffset at)
    {
        foreach (var (target, added) in new[] { (back.RemovedFrom, false), (back.AddedTo, true) })
        {
            if (target is null)
            {
                continue;
            }

            var child = MetaLink(new EntityLink(back.Child.Type, back.Child.Id), withValid: true);
            var meta = new JsonObject
            {
                ["type"] = "attribute_change", ["attribute_name"] = back.Reverse, ["entity_type"] = back.Child.Type, ["entity_id"] = back.Child.Id,
                ["field_data_type"] = back.Child.Def.Fields[back.Field].DataType, ["actual_attribute_changed"] = $"{back.Child.Type}.{back.Field}",
                ["original_event_log_entry_id"] = forwardEventId,
                ["added"] = added ? new JsonArray(child) : [], ["removed"] = added ? [] : new JsonArray(child),
            };
            if (inCreate)
            {
                meta["in_create"] = true;
            }

            Emit(target, $"Shotgun_{target.Type}_Change", back.Reverse, actor, meta, at);
        }
    }
}
