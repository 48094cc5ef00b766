using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>Helpers to seed isolated ShotGrid projects and to read the AYON side back.</summary>
public static class TestProjects
{
    private static int _counter;

    /// <summary>A project name no other test uses (AYON project names are global on the emulator).</summary>
    public static string UniqueName(string stem) => $"{stem}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..6]}";

    public static EntityLink Link(string type, long id) => new(type, id);

    public static EmuFolder FolderOf(this AyonStore store, string project, string sgType, object sgId) =>
        store.Folders(project).Single(f => Attrib(f.Attrib, "shotgridType") == sgType && Attrib(f.Attrib, "shotgridId") == sgId.ToString());

    public static EmuTask TaskOf(this AyonStore store, string project, long sgId) =>
        store.Tasks(project).Single(t => Attrib(t.Attrib, "shotgridType") == "Task" && Attrib(t.Attrib, "shotgridId") == sgId.ToString());

    public static string? Attrib(IReadOnlyDictionary<string, object?> attrib, string name) =>
        attrib.TryGetValue(name, out var value) ? value?.ToString() : null;

    public static EntityLink? LinkField(this IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value as EntityLink : null;

    public static string? TextField(this IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value?.ToString() : null;
}
