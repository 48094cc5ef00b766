using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Push;

/// <summary>What one page of AYON events asks of ShotGrid: which folders and tasks to look at, and which of their fields changed.</summary>
public sealed class PushWork
{
    public HashSet<string> FolderIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TaskIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Versions created or changed, and versions that got a representation (its PublishedFile is missing).</summary>
    public HashSet<string> VersionIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Entity id → the change topics seen for it ("label_changed", "status_changed", …).</summary>
    public Dictionary<string, HashSet<string>> Changes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Folders, tasks and versions deleted in AYON, with the ShotGrid entity the deleted row was linked to when the event
    /// carries the row (<c>payload.entityData</c>). Retired in ShotGrid only with <see cref="Options.PushOptions.RetireDeleted"/>.
    /// </summary>
    public List<DeletedInAyon> Deleted { get; } = [];

    /// <summary>Per "id/change": AYON's value before the page's first such change and the time of its last (the conflict rule's inputs).</summary>
    private Dictionary<string, (JsonNode? Old, DateTimeOffset At)> ChangeSpan { get; } = new(StringComparer.Ordinal);

    /// <summary>Per entity id: each attribute an <c>attrib_changed</c> event of the page changed, with its value before the first such change.</summary>
    private Dictionary<string, Dictionary<string, JsonNode?>> AttribBefore { get; } = new(StringComparer.Ordinal);

    public int OwnSkipped { get; private set; }

    public static PushWork From(IEnumerable<AyonEvent> events)
    {
        var work = new PushWork();
        foreach (var e in events)
        {
            if (PushEcho.IsOwn(e))
            {
                work.OwnSkipped++;
                continue;
            }

            var parts = e.Topic.Split('.');
            if (parts.Length != 3 || parts[0] != "entity" || e.EntityId is not { Length: > 0 } id)
            {
                continue;
            }

            var (kind, change) = (parts[1], parts[2]);
            if (kind == "representation")
            {
                // A representation is pushed with its version (a PublishedFile per representation): look at the version again.
                if (change == "created" && e.ParentId is { Length: > 0 } versionId)
                {
                    work.VersionIds.Add(versionId);
                }

                continue;
            }

            var ids = kind switch { "folder" => work.FolderIds, "task" => work.TaskIds, "version" => work.VersionIds, _ => null };
            if (ids is null)
            {
                continue;
            }

            if (change == "deleted")
            {
                ids.Remove(id);
                work.Deleted.Add(new DeletedInAyon(kind, id, DeletedInAyon.LinkOf(e.Payload)));
                continue;
            }

            ids.Add(id);
            if (change != "created")
            {
                (work.Changes.TryGetValue(id, out var set) ? set : work.Changes[id] = new HashSet<string>(StringComparer.Ordinal)).Add(change);
                var key = $"{id}/{change}";
                var old = work.ChangeSpan.TryGetValue(key, out var span) ? span.Old : e.Payload["oldValue"]?.DeepClone();
                work.ChangeSpan[key] = (old, e.CreatedAt);
                if (change == "attrib_changed")
                {
                    work.NoteAttribChange(id, e.Payload);
                }
            }
        }

        return work;
    }

    public bool Changed(string id, string change) => Changes.TryGetValue(id, out var set) && set.Contains(change);

    /// <summary>AYON's value before the page's first change of this kind (<c>payload.oldValue</c>) and the time of the last one.</summary>
    public (string? Old, DateTimeOffset At) Before(string id, string change)
    {
        var (old, at) = BeforeNode(id, change);
        return (old is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, at);
    }

    /// <summary>As <see cref="Before"/>, with the old value as AYON sent it (a list for tags and assignees).</summary>
    public (JsonNode? Old, DateTimeOffset At) BeforeNode(string id, string change) =>
        ChangeSpan.TryGetValue($"{id}/{change}", out var span) ? span : (null, DateTimeOffset.MinValue);

    /// <summary>The attributes the page changed on an entity, each with its value before the page (null: it had none).</summary>
    public IReadOnlyDictionary<string, JsonNode?> AttributesChanged(string id) =>
        AttribBefore.TryGetValue(id, out var changed) ? changed : new Dictionary<string, JsonNode?>();

    /// <summary>
    /// Real AYON sends only the changed attributes in <c>oldValue</c>/<c>newValue</c>; a whole attribute object is
    /// compared key by key, so either shape names just what changed.
    /// </summary>
    private void NoteAttribChange(string id, JsonObject payload)
    {
        var old = payload["oldValue"] as JsonObject;
        var updated = payload["newValue"] as JsonObject;
        var keys = (old?.Select(p => p.Key) ?? []).Concat(updated?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        var changed = AttribBefore.TryGetValue(id, out var known) ? known : AttribBefore[id] = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var before = old?[key];
            if (!JsonNode.DeepEquals(before, updated?[key]))
            {
                changed.TryAdd(key, before?.DeepClone());
            }
        }
    }
}
