using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>Everything the planner needs; the planner itself does no I/O.</summary>
/// <param name="NewId">Id for a node key (see <see cref="AyonIds"/>).</param>
/// <param name="TaskTypes">Task types the AYON project has.</param>
/// <param name="Attributes">The attribute map in force (types of the mapped AYON attributes); the values are on the items.</param>
/// <param name="Users">ShotGrid HumanUser → AYON user links for task assignees; null leaves assignees alone.</param>
/// <param name="Hierarchy">Where top-level entities land (<see cref="HierarchyPreset"/>); null is flat.</param>
public sealed record SyncPlanInput(
    IReadOnlyList<SgItem> Items,
    IReadOnlyList<AyonFolder> Folders,
    IReadOnlyList<AyonTask> Tasks,
    StatusMap Statuses,
    IReadOnlySet<string> TaskTypes,
    string DefaultTaskType,
    DuplicateNamePolicy DuplicatePolicy,
    bool OverrideDifferences,
    Func<string, string> NewId,
    ResolvedAttributeMap? Attributes = null,
    UserMap? Users = null,
    HierarchyPreset? Hierarchy = null)
{
    internal MappingRules Rules => new(Statuses, TaskTypes, DefaultTaskType, DuplicatePolicy, Attributes, Users, Hierarchy);
}
