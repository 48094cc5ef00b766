using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// A project PATCH that drops a folder type, task type or status still used by an entity fails on the real server
/// (1.15.18) with 500 from the foreign key, and changes nothing. Checked before anything of the PATCH is applied.
/// </summary>
internal static class AnatomyInUse
{
    public static void EnsureKept(ProjectState project, JsonObject body)
    {
        Check(body, "folderTypes", project.Folders.Select(f => f.FolderType), "folder_type");
        Check(body, "taskTypes", project.Tasks.Select(t => t.TaskType), "task_type");
        Check(body, "statuses", project.Folders.Select(f => f.Status).Concat(project.Tasks.Select(t => t.Status)), "status");
    }

    private static void Check(JsonObject body, string field, IEnumerable<string> used, string column)
    {
        if (JsonFields.Get(body, field) is not JsonArray items)
        {
            return;
        }

        var kept = ProjectState.Names(items).ToHashSet(StringComparer.Ordinal);
        if (used.FirstOrDefault(name => !kept.Contains(name)) is { } removed)
        {
            throw new AyonProblem(500, $"Cannot remove {column} '{removed}': it is still in use.");
        }
    }
}
