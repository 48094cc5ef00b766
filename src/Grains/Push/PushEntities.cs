using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>The AYON folders and tasks of one round, their ancestors, and the ShotGrid entity each one is (or becomes).</summary>
public sealed class PushEntities
{
    public Dictionary<string, AyonFolder> Folders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AyonTask> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>AYON id → ShotGrid entity: from the AYON link, a ShotGrid entity carrying the id, or a create of this round.</summary>
    public Dictionary<string, SgEntityRef> Refs { get; } = new(StringComparer.Ordinal);

    /// <summary>The ShotGrid entity an AYON entity's attributes link it to, or null when they do not name a pushed type.</summary>
    public static SgEntityRef? LinkOf(IReadOnlyDictionary<string, string?> attrib) =>
        attrib.TryGetValue(NodeKeys.AttribType, out var type) && type is not null && PushTargets.WrittenTypes.Contains(type)
            && attrib.TryGetValue(NodeKeys.AttribId, out var id) && long.TryParse(id, out var sgId) && sgId > 0
            ? new SgEntityRef(type, sgId)
            : null;

    public string? SgTypeOfFolder(string id) => Folders.TryGetValue(id, out var f) ? PushTargets.ShotGridType(f.FolderType) : null;

    /// <summary>Depth below the project root, counting only folders read this round (parents first when sorted by it).</summary>
    public int Depth(AyonFolder folder)
    {
        var depth = 0;
        for (var f = folder; f.ParentId is { } p && Folders.TryGetValue(p, out var parent) && depth < 64; f = parent)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Reads the tasks and folders a round names, then the ancestors of unlinked folders until each chain reaches a linked one or the root.</summary>
    public static async Task<PushEntities> ReadAsync(IAyonEventStream stream, string project, PushWork work, CancellationToken cancellationToken)
    {
        var entities = new PushEntities();
        foreach (var t in work.TaskIds.Count == 0 ? [] : await stream.GetTasksByIdsAsync(project, work.TaskIds, cancellationToken))
        {
            entities.Tasks[t.Id] = t;
        }

        var wanted = new HashSet<string>(work.FolderIds, StringComparer.Ordinal);
        wanted.UnionWith(entities.Tasks.Values.Select(t => t.FolderId));
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; wanted.Count > 0 && round < 64; round++)
        {
            asked.UnionWith(wanted);
            foreach (var f in await stream.GetFoldersByIdsAsync(project, wanted, cancellationToken))
            {
                entities.Folders[f.Id] = f;
            }

            wanted = entities.Folders.Values
                .Where(f => LinkOf(f.Attrib) is null && f.ParentId is { } p && !entities.Folders.ContainsKey(p))
                .Select(f => f.ParentId!)
                .Where(p => !asked.Contains(p))
                .ToHashSet(StringComparer.Ordinal);
        }

        foreach (var f in entities.Folders.Values)
        {
            if (LinkOf(f.Attrib) is { } link)
            {
                entities.Refs[f.Id] = link;
            }
        }

        foreach (var t in entities.Tasks.Values)
        {
            if (LinkOf(t.Attrib) is { } link)
            {
                entities.Refs[t.Id] = link;
            }
        }

        return entities;
    }
}
