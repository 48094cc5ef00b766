namespace AyonShotgrid.Grains.Mapping;

/// <summary>What of the AYON project the mapping needs to decide values: the same facts for the full sync and the leecher.</summary>
/// <param name="TaskTypes">Task types the AYON project has.</param>
/// <param name="Attributes">The attribute map in force (types of the mapped AYON attributes); the values are on the nodes.</param>
/// <param name="Users">ShotGrid HumanUser → AYON user links for task assignees; null leaves assignees alone.</param>
internal sealed record MappingRules(
    StatusMap Statuses,
    IReadOnlySet<string> TaskTypes,
    string DefaultTaskType,
    DuplicateNamePolicy DuplicatePolicy,
    ResolvedAttributeMap? Attributes = null,
    UserMap? Users = null,
    HierarchyPreset? Hierarchy = null)
{
    public HierarchyPreset Preset => Hierarchy ?? HierarchyPreset.Flat;
}
