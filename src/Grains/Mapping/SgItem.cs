using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>One ShotGrid entity reduced to what the hierarchy needs.</summary>
/// <param name="Code">ShotGrid code (Task: content).</param>
/// <param name="Parent">Parent link from the navchain (folders) or <c>Task.entity</c> (tasks); null = project root.</param>
/// <param name="AssetType">Asset's <c>sg_asset_type</c>.</param>
/// <param name="StepCode">Task's Pipeline Step code.</param>
/// <param name="Status">ShotGrid status code (<c>sg_status_list</c>).</param>
/// <param name="Attrib">Values of the mapped ShotGrid fields as AYON attribute values (see <see cref="ResolvedAttributeMap"/>); null when none were read.</param>
/// <param name="AttribNotes">Mapped values that did not fit their AYON attribute and were left out.</param>
/// <param name="Problem">
/// Why ShotGrid's answer for this entity cannot be trusted (a field of the wrong type, an id that is not one), naming
/// the entity and the field; the entity is then reported, not created. Null for a well-formed record.
/// </param>
/// <param name="Assignees">Task's <c>task_assignees</c> (HumanUser and Group links); null when not read.</param>
/// <param name="Tags">Names of the entity's <c>tags</c>; null when not read (the AYON tags are then left alone).</param>
public sealed record SgItem(
    string Type, long Id, string Code, SgEntityRef? Parent, string? AssetType, string? StepCode, string? Status,
    IReadOnlyDictionary<string, JsonNode>? Attrib = null, IReadOnlyList<string>? AttribNotes = null, string? Problem = null,
    IReadOnlyList<SgEntityRef>? Assignees = null, IReadOnlyList<string>? Tags = null)
{
    public string Key => NodeKeys.Of(Type, Id);
}
