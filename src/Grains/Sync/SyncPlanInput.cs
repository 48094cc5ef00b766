using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Sync;

/// <summary>Everything the planner needs; the planner itself does no I/O.</summary>
/// <param name="NewId">Id for a node key (see <see cref="AyonIds"/>).</param>
/// <param name="TaskTypes">Task types the AYON project has.</param>
public sealed record SyncPlanInput(
    IReadOnlyList<SgItem> Items,
    IReadOnlyList<AyonFolder> Folders,
    IReadOnlyList<AyonTask> Tasks,
    StatusMap Statuses,
    IReadOnlySet<string> TaskTypes,
    string DefaultTaskType,
    DuplicateNamePolicy DuplicatePolicy,
    bool OverrideDifferences,
    Func<string, string> NewId);
