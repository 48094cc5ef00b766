namespace AyonShotgrid.Emulators.Ayon;

// Rows are stored with their repeated strings shared: a parent's id is the parent row's own id string, folder and task
// types and statuses one string each, empty lists one empty array. A million-entity project otherwise holds a copy of
// each per row, as parsed from each request.
internal sealed partial class ProjectState
{
    private readonly Dictionary<string, string> _sharedStrings = new(StringComparer.Ordinal);

    private FolderRecord Compact(FolderRecord folder) => folder with
    {
        ParentId = folder.ParentId is { } parentId && _folders.TryGetValue(parentId, out var parent) ? parent.Id : folder.ParentId,
        FolderType = Shared(folder.FolderType),
        Status = Shared(folder.Status),
        Tags = folder.Tags.Count == 0 ? [] : folder.Tags,
    };

    private TaskRecord Compact(TaskRecord task) => task with
    {
        FolderId = _folders.TryGetValue(task.FolderId, out var folder) ? folder.Id : task.FolderId,
        TaskType = Shared(task.TaskType),
        Status = Shared(task.Status),
        Tags = task.Tags.Count == 0 ? [] : task.Tags,
        Assignees = task.Assignees.Count == 0 ? [] : task.Assignees,
    };

    private string Shared(string value)
    {
        if (_sharedStrings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _sharedStrings[value] = value;
        return value;
    }
}
