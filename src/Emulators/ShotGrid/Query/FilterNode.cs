using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

internal abstract record FilterNode;

/// <summary>A hash-filter group: <c>logical_operator</c> "or" when <paramref name="Any"/>, "and" otherwise.</summary>
internal sealed record FilterGroup(bool Any, IReadOnlyList<FilterNode> Children) : FilterNode;

/// <summary>
/// One <c>[path, relation, value]</c>. <paramref name="Steps"/> walks a dotted path (<c>entity.Shot.code</c>): each step
/// is a field of the previous step's link target; the last step's field decides the comparison.
/// </summary>
internal sealed record FilterCondition(string Path, IReadOnlyList<PathStep> Steps, string Relation, JsonNode? Value) : FilterNode
{
    public FieldDef Field => Steps[^1].Field;
}

internal sealed record PathStep(EntityDef Owner, FieldDef Field);

internal sealed record SortKey(string Field, bool Descending);
