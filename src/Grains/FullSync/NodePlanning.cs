using AyonShotgrid.Contracts.Models;

using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// What the planner does with one reached node, folder or task alike: link it to what AYON has, or place it as a new
/// entity under its parent's names. Shared by the folders' walk (<see cref="HierarchyPlanner"/>) and the tasks'
/// (<see cref="TaskPlanner"/>), so both decide exactly alike.
/// </summary>
internal sealed class NodePlanning(SyncPlanInput input, ExistingEntities existing)
{
    private readonly MappingRules _rules = input.Rules;

    public List<SyncIssue> Issues { get; private set; } = [];

    public List<PlannedCreate> Creates { get; private set; } = [];

    public List<PlannedUpdate> Updates { get; private set; } = [];

    public int AlreadyPresent { get; set; }

    public ExistingEntities Existing => existing;

    /// <summary>
    /// Plans a node whose parent is in place (<paramref name="parentAyonId"/>, null at the root); its AYON id, or null
    /// when it is not created (its issue is listed, and its children are to be skipped).
    /// </summary>
    public string? PlanReached(Node node, string? parentAyonId, UserMap? users)
    {
        var isLinked = existing.ByKey.TryGetValue(node.Key, out var found);
        if (!isLinked || input.OverrideDifferences)
        {
            ReportUnfit(node);
            ReportUnresolvedAssignees(node, users);
        }

        if (isLinked && found is not null)
        {
            AlreadyPresent++;
            if (input.OverrideDifferences && EntityMapping.Differences(node, found, parentAyonId, _rules with { Users = users }, existing, Issues) is { } update)
            {
                Updates.Add(update);
            }

            return found.Id;
        }

        return PlaceNew(node, parentAyonId, users);
    }

    public void Issue(string kind, Node node, string reason) => Issues.Add(EntityMapping.Issue(kind, node, reason));

    /// <summary>Places a node AYON does not have yet, by <see cref="EntityMapping.Place"/>; null when it is not created.</summary>
    private string? PlaceNew(Node node, string? parentAyonId, UserMap? users)
    {
        var siblings = existing.NamesUnder(node.AyonEntityType, parentAyonId);
        var rules = _rules with { Users = users };
        switch (EntityMapping.Place(node, siblings.GetValueOrDefault, rules.DuplicatePolicy))
        {
            case Placement.Link { Existing: var unlinked }:
                Updates.Add(new PlannedUpdate(node.Key, node.AyonEntityType, unlinked.AyonId, EntityMapping.LinkData(node), node.SgType, node.SgId, unlinked.Name, IsLink: true));
                siblings[node.Name] = unlinked with { Key = node.Key };
                AlreadyPresent++;
                Issue(SyncIssueKinds.Linked, node, $"AYON {node.AyonEntityType} '{unlinked.Name}' existed without a ShotGrid link; linked it");
                return unlinked.AyonId;
            case Placement.Skip { Reason: var reason }:
                Issue(SyncIssueKinds.Skipped, node, reason);
                return null;
            case Placement.Create { Name: var name, RenamedBecause: var renamed }:
                if (renamed is not null)
                {
                    Issue(SyncIssueKinds.Renamed, node, renamed);
                }

                var id = input.NewId(node.Key);
                siblings[name] = new NameHolder(node.Key, id, name, node.AyonEntityType, node.AyonFolderType);
                if (EntityMapping.LabelNote(node) is { } note)
                {
                    Issue(SyncIssueKinds.Adjusted, node, note);
                }

                Creates.Add(new PlannedCreate(
                    node.Key, node.AyonEntityType, id, node.ParentKey,
                    () => EntityMapping.CreateData(node, name, parentAyonId, rules),
                    node.SgType, node.SgId, name));
                return id;
            default:
                throw new InvalidOperationException("unknown placement");
        }
    }

    /// <summary>ShotGrid assignees with no linked AYON user (or groups) are reported once per task, never created.</summary>
    private void ReportUnresolvedAssignees(Node node, UserMap? users)
    {
        if (users is not null && node.Assignees is { Count: > 0 } assignees)
        {
            users.Resolve(assignees, reason => Issue(SyncIssueKinds.UnlinkedUser, node, reason));
        }
    }

    /// <summary>Mapped ShotGrid values that did not fit their AYON attribute are reported once per entity.</summary>
    private void ReportUnfit(Node node)
    {
        foreach (var note in node.AttribNotes ?? [])
        {
            Issue(SyncIssueKinds.Adjusted, node, note);
        }
    }

    /// <summary>What was planned since the last call, as a plan of <paramref name="total"/> entities; starts anew.</summary>
    public SyncPlan TakePlan(int total)
    {
        var plan = new SyncPlan(total, AlreadyPresent, Creates, Updates, Issues);
        (Creates, Updates, Issues, AlreadyPresent) = ([], [], [], 0);
        return plan;
    }
}
