using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>An AYON folder or task as the planner compares it.</summary>
/// <param name="Attrib">Attribute values as AYON's hierarchy read gives them (inherited ones included).</param>
/// <param name="Tags">Null when the read did not carry them (then they are not compared).</param>
internal sealed record ExistingEntity(string Id, string Name, string? Label, string Type, string? ParentId, string? Status, string? Key, string EntityType, IReadOnlyDictionary<string, string?> Attrib,
    IReadOnlyList<string>? Tags = null, IReadOnlyList<string>? Assignees = null);

/// <summary>The AYON side indexed two ways: by ShotGrid link and by (parent, lower-case name) among active entities.</summary>
internal sealed class ExistingEntities
{
    private readonly Dictionary<(string Kind, string Parent), Dictionary<string, NameHolder>> _names = [];

    public Dictionary<string, ExistingEntity> ByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>AYON entities that carry the ShotGrid link of an entity another AYON entity already holds (the first by read order wins).</summary>
    public List<(ExistingEntity Holder, ExistingEntity Other)> SharedLinks { get; } = [];

    public static ExistingEntities From(IReadOnlyList<AyonFolder> folders, IReadOnlyList<AyonTask> tasks)
    {
        var result = new ExistingEntities();
        foreach (var f in folders)
        {
            result.Add(new ExistingEntity(f.Id, f.Name, f.Label, f.FolderType, f.ParentId, f.Status, NodeKeys.FromAttrib(f.Attrib), "folder", f.Attrib, f.Tags), f.Active);
        }

        foreach (var t in tasks)
        {
            result.Add(new ExistingEntity(t.Id, t.Name, t.Label, t.TaskType, t.FolderId, t.Status, NodeKeys.FromAttrib(t.Attrib), "task", t.Attrib, t.Tags, t.Assignees), t.Active);
        }

        // After every real link, so a folder linked under a key itself always wins over an alias.
        foreach (var f in folders)
        {
            if (CategoryAliases.AliasOf(NodeKeys.FromAttrib(f.Attrib), f.FolderType, f.Label) is { } alias && result.ByKey.TryGetValue(NodeKeys.FromAttrib(f.Attrib)!, out var holder) && holder.Id == f.Id)
            {
                result.ByKey.TryAdd(alias, holder);
            }
        }

        return result;
    }

    /// <summary>Names in use under a parent (case-insensitive, as AYON's unique index is). Mutable: the planner reserves names in it.</summary>
    public Dictionary<string, NameHolder> NamesUnder(string kind, string? parentId)
    {
        var slot = (kind, parentId ?? "");
        if (!_names.TryGetValue(slot, out var names))
        {
            names = new Dictionary<string, NameHolder>(StringComparer.OrdinalIgnoreCase);
            _names[slot] = names;
        }

        return names;
    }

    private void Add(ExistingEntity entity, bool active)
    {
        if (entity.Key is not null && !ByKey.TryAdd(entity.Key, entity))
        {
            SharedLinks.Add((ByKey[entity.Key], entity));
        }

        // Inactive entities do not take part in AYON's sibling-name uniqueness.
        if (active)
        {
            NamesUnder(entity.EntityType, entity.ParentId)[entity.Name] = new NameHolder(entity.Key, entity.Id, entity.Name, entity.EntityType, entity.Type);
        }
    }
}
