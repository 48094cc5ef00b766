using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// The folders of a project, planned: their plan (final: tasks never change a folder's fate) and what the tasks under
/// them need from it — each folder's AYON id, or why its children are skipped — and the AYON names taken so far.
/// </summary>
public sealed class FolderStage
{
    private readonly HashSet<string> _folderKeys;
    private SyncPlan? _plan;

    internal FolderStage(NodePlanning planning, IEnumerable<string> folderKeys)
    {
        Planning = planning;
        _folderKeys = new HashSet<string>(folderKeys, StringComparer.Ordinal);
    }

    /// <summary>The folders' creates, updates and issues; <see cref="SyncPlan.Total"/> counts the folder nodes.</summary>
    public SyncPlan Plan => _plan ?? throw new InvalidOperationException("The folders are still being planned.");

    internal NodePlanning Planning { get; }

    /// <summary>AYON id per folder that exists or will be created, for its children to point at.</summary>
    internal Dictionary<string, string> Resolved { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the children of a folder that is not created are skipped (as the folder's own children were).</summary>
    internal Dictionary<string, string> ChildSkipReasons { get; } = new(StringComparer.Ordinal);

    internal bool IsFolder(string key) => _folderKeys.Contains(key);

    /// <summary>
    /// The AYON id of a parent: a planned folder, or (for a parent no longer in ShotGrid) the AYON entity still linked to
    /// it.
    /// </summary>
    internal string AyonIdOf(string parentKey) =>
        Resolved.TryGetValue(parentKey, out var id) ? id : Planning.Existing.ByKey[parentKey].Id;

    /// <summary>A planner for the tasks under these folders, one range of tasks at a time (see <see cref="TaskPlanner.KeepRanges"/>).</summary>
    public TaskPlanner Tasks(bool keepRanges) => new(this, keepRanges);

    internal void Seal() => _plan = Planning.TakePlan(_folderKeys.Count);
}
