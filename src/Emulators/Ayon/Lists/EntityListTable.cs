namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// A project's entity lists. Label is unique per project (the server's <c>entity_lists_name</c> index). Changes are
/// recorded in the project's undo log, so a refused write leaves nothing behind. The store's lock guards it.
/// </summary>
internal sealed class EntityListTable(ProjectState project)
{
    private readonly Dictionary<string, EntityListRecord> _lists = new(StringComparer.Ordinal);

    public IEnumerable<EntityListRecord> All => _lists.Values;

    public EntityListRecord? Get(string id) => _lists.GetValueOrDefault(id);

    public EntityListRecord? WithLabel(string label) => _lists.Values.FirstOrDefault(l => l.Label == label);

    public void Put(EntityListRecord list)
    {
        var previous = _lists.GetValueOrDefault(list.Id);
        _lists[list.Id] = list;
        project.UndoLog?.Add(previous is null ? () => _lists.Remove(list.Id) : () => _lists[list.Id] = previous);
    }

    public void Remove(string id)
    {
        if (_lists.Remove(id, out var previous))
        {
            project.UndoLog?.Add(() => _lists[id] = previous);
        }
    }
}
