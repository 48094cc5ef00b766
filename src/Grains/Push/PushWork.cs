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

    /// <summary>Folders and tasks deleted in AYON (reported; the ShotGrid entity is kept).</summary>
    public List<(string EntityType, string Id)> Deleted { get; } = [];

    /// <summary>Per "id/change": AYON's value before the page's first such change and the time of its last (the conflict rule's inputs).</summary>
    private Dictionary<string, (string? Old, DateTimeOffset At)> ChangeSpan { get; } = new(StringComparer.Ordinal);

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
                work.Deleted.Add((kind, id));
                continue;
            }

            ids.Add(id);
            if (change != "created")
            {
                (work.Changes.TryGetValue(id, out var set) ? set : work.Changes[id] = new HashSet<string>(StringComparer.Ordinal)).Add(change);
                var key = $"{id}/{change}";
                var old = work.ChangeSpan.TryGetValue(key, out var span) ? span.Old : OldValue(e);
                work.ChangeSpan[key] = (old, e.CreatedAt);
            }
        }

        return work;
    }

    public bool Changed(string id, string change) => Changes.TryGetValue(id, out var set) && set.Contains(change);

    /// <summary>AYON's value before the page's first change of this kind (<c>payload.oldValue</c>) and the time of the last one.</summary>
    public (string? Old, DateTimeOffset At) Before(string id, string change) =>
        ChangeSpan.TryGetValue($"{id}/{change}", out var span) ? span : (null, DateTimeOffset.MinValue);

    private static string? OldValue(AyonEvent e) =>
        e.Payload["oldValue"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
