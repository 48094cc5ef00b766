using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>
/// What an AYON project holds, without what differs between two projects seeded alike (ids, ShotGrid ids): folder
/// paths, types, labels, statuses; tasks under their folder path with type, label and status. Two runs that did the
/// same work have equal shapes.
/// </summary>
public static class AyonShape
{
    public static IReadOnlyList<string> Of(AyonStore store, string project)
    {
        var folders = store.Folders(project);
        var pathOf = folders.ToDictionary(f => f.Id, f => f.Path);
        var lines = folders.Select(f => $"folder {f.Path} {f.FolderType} label={f.Label} status={f.Status} sg={TestProjects.Attrib(f.Attrib, "shotgridType")}")
            .Concat(store.Tasks(project).Select(t => $"task {pathOf.GetValueOrDefault(t.FolderId, "?")}/{t.Name} {t.TaskType} label={t.Label} status={t.Status}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return lines;
    }
}
