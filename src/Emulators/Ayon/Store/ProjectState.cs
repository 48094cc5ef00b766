using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// One project: its anatomy and its folder and task tables with the indexes the uniqueness rules need. Every table
/// change goes through Put/Remove, which also record the inverse into <see cref="UndoLog"/> when one is open; that
/// is how an all-or-nothing batch rolls back. Not thread-safe: the store's lock guards it.
/// </summary>
internal sealed partial class ProjectState
{
    private const string RootKey = "";
    private readonly Dictionary<string, FolderRecord> _folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskRecord> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _childFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _folderTasks = new(StringComparer.Ordinal);
    private long _sequence;
    private EntityListTable? _lists;

    public required string Name { get; set; }
    public required string Code { get; set; }
    public string? Label { get; set; }
    public bool Library { get; set; }
    public bool Active { get; set; } = true;
    public JsonArray FolderTypes { get; set; } = [];
    public JsonArray TaskTypes { get; set; } = [];
    public JsonArray Statuses { get; set; } = [];
    public JsonArray Tags { get; set; } = [];
    public JsonArray LinkTypes { get; set; } = [];
    public JsonObject Attrib { get; set; } = [];
    public JsonObject Data { get; set; } = [];
    public JsonObject Config { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Inverse actions of the changes made since it was opened; null when nothing needs undoing.</summary>
    public List<Action>? UndoLog { get; set; }

    /// <summary>Comments and other activities by id (written one at a time, so outside the undo log).</summary>
    public Dictionary<string, ActivityRecord> Activities { get; } = new(StringComparer.Ordinal);

    public IEnumerable<FolderRecord> Folders => _folders.Values;

    /// <summary>Entity lists (their own table, see <see cref="EntityListTable"/>).</summary>
    public EntityListTable Lists => _lists ??= new EntityListTable(this);
    public IEnumerable<TaskRecord> Tasks => _tasks.Values;
    public int FolderCount => _folders.Count;

    public long NextSequence() => ++_sequence;

    public FolderRecord? GetFolder(string id) => _folders.GetValueOrDefault(id);
    public TaskRecord? GetTask(string id) => _tasks.GetValueOrDefault(id);

    public IEnumerable<FolderRecord> ChildFolders(string? parentId) =>
        _childFolders.TryGetValue(parentId ?? RootKey, out var ids) ? ids.Select(i => _folders[i]) : [];

    public IEnumerable<TaskRecord> TasksOf(string folderId) =>
        _folderTasks.TryGetValue(folderId, out var ids) ? ids.Select(i => _tasks[i]) : [];

    public void PutFolder(FolderRecord folder)
    {
        folder = Compact(folder);
        var previous = _folders.GetValueOrDefault(folder.Id);
        if (previous is not null)
        {
            Unindex(_childFolders, previous.ParentId ?? RootKey, previous.Id);
        }

        _folders[folder.Id] = folder;
        Index(_childFolders, folder.ParentId ?? RootKey, folder.Id);
        UndoLog?.Add(previous is null ? () => RemoveFolder(folder.Id) : () => PutFolder(previous));
    }

    public void RemoveFolder(string id)
    {
        if (!_folders.Remove(id, out var previous))
        {
            return;
        }

        Unindex(_childFolders, previous.ParentId ?? RootKey, id);
        UndoLog?.Add(() => PutFolder(previous));
    }

    public void PutTask(TaskRecord task)
    {
        task = Compact(task);
        var previous = _tasks.GetValueOrDefault(task.Id);
        if (previous is not null)
        {
            Unindex(_folderTasks, previous.FolderId, previous.Id);
        }

        _tasks[task.Id] = task;
        Index(_folderTasks, task.FolderId, task.Id);
        UndoLog?.Add(previous is null ? () => RemoveTask(task.Id) : () => PutTask(previous));
    }

    public void RemoveTask(string id)
    {
        if (!_tasks.Remove(id, out var previous))
        {
            return;
        }

        Unindex(_folderTasks, previous.FolderId, id);
        UndoLog?.Add(() => PutTask(previous));
    }

    /// <summary>Runs the undo log backwards (without logging the undo itself) and closes it.</summary>
    public void RollBack(List<Action> log)
    {
        UndoLog = null;
        for (var i = log.Count - 1; i >= 0; i--)
        {
            log[i]();
        }
    }

    /// <summary>Folder names from the root, e.g. ["seq01", "sh010"].</summary>
    public List<string> PathNames(string folderId)
    {
        var names = new List<string>();
        var current = _folders.GetValueOrDefault(folderId);
        while (current is not null && names.Count < 1000)
        {
            names.Add(current.Name);
            current = current.ParentId is null ? null : _folders.GetValueOrDefault(current.ParentId);
        }

        names.Reverse();
        return names;
    }

    /// <summary>Path without the leading slash, as the flat folder list gives it.</summary>
    public string FolderPath(string folderId) => string.Join('/', PathNames(folderId));

    /// <summary>Ancestors nearest first.</summary>
    public IEnumerable<FolderRecord> Ancestors(string? parentId)
    {
        var current = parentId is null ? null : _folders.GetValueOrDefault(parentId);
        while (current is not null)
        {
            yield return current;
            current = current.ParentId is null ? null : _folders.GetValueOrDefault(current.ParentId);
        }
    }

    public static IEnumerable<string> Names(JsonArray items) =>
        items.OfType<JsonObject>().Select(i => i["name"]?.GetValue<string>()).OfType<string>();

    public bool HasFolderType(string name) => Names(FolderTypes).Contains(name, StringComparer.Ordinal);
    public bool HasTaskType(string name) => Names(TaskTypes).Contains(name, StringComparer.Ordinal);
    public bool HasStatus(string name) => Names(Statuses).Contains(name, StringComparer.Ordinal);

    /// <summary>The first status whose scope includes <paramref name="scope"/>, else the first status (server default).</summary>
    public string? DefaultStatus(string scope)
    {
        var statuses = Statuses.OfType<JsonObject>().ToList();
        var scoped = statuses.FirstOrDefault(s => s["scope"] is not JsonArray sc || sc.Any(x => x?.GetValue<string>() == scope));
        return (scoped ?? statuses.FirstOrDefault())?["name"]?.GetValue<string>();
    }

    private static void Index(Dictionary<string, HashSet<string>> index, string key, string id)
    {
        if (!index.TryGetValue(key, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            index[key] = set;
        }

        set.Add(id);
    }

    private static void Unindex(Dictionary<string, HashSet<string>> index, string key, string id)
    {
        if (index.TryGetValue(key, out var set))
        {
            set.Remove(id);
            if (set.Count == 0)
            {
                index.Remove(key);
            }
        }
    }
}
