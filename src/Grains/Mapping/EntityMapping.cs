using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.FullSync;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// The one rule that turns a ShotGrid entity into an AYON folder or task, used by the full sync
/// (<see cref="HierarchyPlanner"/>) and the leecher's entity grain alike: its name under the duplicate-name policy, its
/// label, each field's AYON value, and what differs from an AYON entity. Pure: callers bring what AYON holds.
/// </summary>
internal static class EntityMapping
{
    /// <summary>
    /// Names a new node under its AYON parent. <paramref name="holderOf"/> answers who holds a name there (case-insensitive).
    /// An unlinked AYON entity of the same name and kind is linked; a name held by another is a duplicate, settled by the policy.
    /// </summary>
    public static Placement Place(Node node, Func<string, NameHolder?> holderOf, DuplicateNamePolicy policy)
    {
        if (holderOf(node.Name) is not { } holder)
        {
            return new Placement.Create(node.Name, null);
        }

        if (holder.IsUnlinkedMatchFor(node))
        {
            return new Placement.Link(holder);
        }

        var owner = holder.Describe();
        if (policy == DuplicateNamePolicy.Skip)
        {
            return new Placement.Skip($"name '{node.Name}' is already used by {owner} under the same parent (duplicate policy: skip)");
        }

        var suffixed = SuffixedName(node);
        return holderOf(suffixed) is null
            ? new Placement.Create(suffixed, $"name '{node.Name}' is already used by {owner} under the same parent; created as '{suffixed}'")
            : new Placement.Skip($"names '{node.Name}' and '{suffixed}' are both taken under the same parent");
    }

    /// <summary>
    /// Where the preset puts a node: a folder ShotGrid places at the top (no parent, an asset category, an asset without a
    /// type) goes under its grouping folder; everything else keeps its ShotGrid parent. Flat changes nothing.
    /// </summary>
    public static Node Arrange(Node node, HierarchyPreset preset) =>
        node.ParentKey is null && node.AyonEntityType == "folder" && GroupOf(node, preset) is { } group
            ? node with { ParentKey = group.Key }
            : node;

    /// <summary>The grouping folder a top-level node of this type goes under in <paramref name="preset"/>, or null.</summary>
    public static Node? GroupOf(Node node, HierarchyPreset preset) =>
        preset.RoleOf(node.SgType) is { } role ? Node.Group(preset, role) : null;

    /// <summary>The names <see cref="Place"/> may ask about.</summary>
    public static IReadOnlyList<string> CandidateNames(Node node) => [node.Name, SuffixedName(node)];

    public static string Label(Node node) => AyonNames.Label(node.Label);

    /// <summary>Why the AYON label is not the ShotGrid text, or null when it is.</summary>
    public static string? LabelNote(Node node) => Label(node) is var label && label != node.Label
        ? $"label '{node.Label}' contains characters AYON refuses in labels (' or ;); stored as '{label}'"
        : null;

    /// <summary>The data of the AYON create.</summary>
    public static JsonObject CreateData(Node node, string name, string? parentAyonId, MappingRules rules) =>
        Mapping.CreateData.For(node, name, Label(node), parentAyonId, rules.Statuses, rules.TaskTypes, rules.DefaultTaskType, rules.Users);

    /// <summary>The data of the update that links an unlinked AYON entity to the node.</summary>
    public static JsonObject LinkData(Node node) => new() { ["attrib"] = Mapping.CreateData.LinkAttrib(node) };

    /// <summary>The AYON field that holds the parent: folders have a parent folder, tasks a folder.</summary>
    public static string ParentField(Node node) => node.AyonEntityType == "task" ? "folderId" : "parentId";

    /// <summary>The AYON status for the node's ShotGrid status; null with <paramref name="whyNot"/> when AYON has none for it.</summary>
    public static string? Status(Node node, StatusMap statuses, out string? whyNot)
    {
        var status = statuses.For(node.Status, node.AyonEntityType);
        whyNot = status is null && !string.IsNullOrEmpty(node.Status) ? statuses.WhyNot(node.Status, node.AyonEntityType) : null;
        return status;
    }

    public static string TaskType(Node node, MappingRules rules) => Mapping.CreateData.TaskType(node, rules.TaskTypes, rules.DefaultTaskType);

    /// <summary>
    /// The AYON assignees a task should have: the linked users of its ShotGrid assignees, plus the ones AYON has that no
    /// HumanUser stands for (ShotGrid cannot say anything about them). Unlinked ShotGrid assignees go to <paramref name="unresolved"/>.
    /// </summary>
    public static IReadOnlyList<string> Assignees(Node node, UserMap users, IReadOnlyList<string> current, Action<string> unresolved) =>
        users.Wanted(current, users.Resolve(node.Assignees ?? [], unresolved));

    /// <summary>
    /// The AYON field (a <see cref="SyncChangeFields"/> value; mapped attributes as "attrib.name") that a changed ShotGrid
    /// field of <paramref name="sgType"/> decides, or null when the sync maps that field to nothing.
    /// </summary>
    public static string? AyonFieldFor(string sgType, string sgField, Navchains navchains, ResolvedAttributeMap? attributes) => sgField switch
    {
        "code" or "content" => SyncChangeFields.Label,
        "sg_status_list" => SyncChangeFields.Status,
        "step" when sgType == SyncEntityTypes.Task => SyncChangeFields.TaskType,
        "tags" => SyncChangeFields.Tags,
        "task_assignees" when sgType == SyncEntityTypes.Task => SyncChangeFields.Assignees,
        _ when IsPlacingField(sgType, sgField, navchains) => SyncChangeFields.Parent,
        _ => attributes?.For(sgType).FirstOrDefault(m => m.SgField == sgField) is { } mapped ? SyncChangeFields.AttribPrefix + mapped.AyonAttribute : null,
    };

    /// <summary>The ShotGrid field that decides where an entity of <paramref name="sgType"/> sits in AYON.</summary>
    public static bool IsPlacingField(string sgType, string sgField, Navchains navchains) => sgType switch
    {
        SyncEntityTypes.Task => sgField == "entity",
        SyncEntityTypes.Asset => sgField == "sg_asset_type",
        _ => navchains.ParentField(sgType) == sgField,
    };

    /// <summary>
    /// What of a linked entity differs from ShotGrid (override mode). The AYON name is never touched (paths and published
    /// files depend on it). What AYON could not take (a status it does not allow, a move into a taken name) is a conflict.
    /// </summary>
    public static PlannedUpdate? Differences(Node node, ExistingEntity found, string? parentAyonId, MappingRules rules, ExistingEntities existing, List<SyncIssue> issues)
    {
        var patch = new JsonObject();
        var changes = new List<SyncChange>();
        void Set(string field, string? oldValue, string? newValue, Action write)
        {
            write();
            changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, field, oldValue, newValue));
        }

        var label = Label(node);
        if (!string.Equals(found.Label ?? found.Name, label, StringComparison.Ordinal))
        {
            Set(SyncChangeFields.Label, found.Label, label, () => patch["label"] = label);
        }

        if (Status(node, rules.Statuses, out var whyNot) is { } status)
        {
            if (!string.Equals(found.Status, status, StringComparison.Ordinal))
            {
                Set(SyncChangeFields.Status, found.Status, status, () => patch["status"] = status);
            }
        }
        else if (whyNot is not null)
        {
            issues.Add(Issue(SyncIssueKinds.Conflict, node, whyNot + $"; AYON status '{found.Status}' left as it is"));
        }

        if (node.AyonEntityType == "task" && TaskType(node, rules) is var taskType && !string.Equals(found.Type, taskType, StringComparison.Ordinal))
        {
            Set(SyncChangeFields.TaskType, found.Type, taskType, () => patch["taskType"] = taskType);
        }

        AttribDifferences(node, found, rules, patch, changes);
        ListDifferences(node, found, rules, patch, changes);
        ParentDifference(node, found, parentAyonId, existing, issues, patch, changes);
        return patch.Count > 0 ? new PlannedUpdate(node.Key, node.AyonEntityType, found.Id, patch, node.SgType, node.SgId, found.Name, IsLink: false, changes) : null;
    }

    public static SyncIssue Issue(string kind, Node node, string reason) => new(kind, node.SgType, node.SgId, node.Label, reason);

    private static void AttribDifferences(Node node, ExistingEntity found, MappingRules rules, JsonObject patch, List<SyncChange> changes)
    {
        if (node.Attrib is not { Count: > 0 } wanted)
        {
            return;
        }

        var attrib = new JsonObject();
        foreach (var (name, value) in wanted.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var type = rules.Attributes?.TypeOf(name) ?? "string";
            var current = found.Attrib.TryGetValue(name, out var v) ? v : null;
            if (!ResolvedAttributeMap.SameValue(current, value, type))
            {
                attrib[name] = value.DeepClone();
                changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.AttribPrefix + name, current, ResolvedAttributeMap.Text(value)));
            }
        }

        if (attrib.Count > 0)
        {
            patch["attrib"] = attrib;
        }
    }

    /// <summary>Tags follow ShotGrid exactly; assignees as <see cref="Assignees"/> says.</summary>
    private static void ListDifferences(Node node, ExistingEntity found, MappingRules rules, JsonObject patch, List<SyncChange> changes)
    {
        if (node.Tags is { } tags && found.Tags is { } currentTags && !UserMap.SameSet(currentTags, tags))
        {
            patch["tags"] = Mapping.CreateData.Strings(tags);
            changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.Tags, string.Join(", ", currentTags), string.Join(", ", tags)));
        }

        if (node.AyonEntityType == "task" && node.Assignees is not null && rules.Users is { } users && found.Assignees is { } current)
        {
            var wanted = Assignees(node, users, current, _ => { });
            if (!UserMap.SameSet(current, wanted))
            {
                patch["assignees"] = Mapping.CreateData.Strings(wanted);
                changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.Assignees, string.Join(", ", current), string.Join(", ", wanted)));
            }
        }
    }

    /// <summary>A ShotGrid parent change (a shot moved to another sequence, an asset to another type) moves the AYON entity, unless its name is taken there.</summary>
    private static void ParentDifference(Node node, ExistingEntity found, string? parentAyonId, ExistingEntities existing, List<SyncIssue> issues, JsonObject patch, List<SyncChange> changes)
    {
        if (string.Equals(found.ParentId, parentAyonId, StringComparison.Ordinal) || (node.AyonEntityType == "task" && parentAyonId is null))
        {
            return;
        }

        var target = existing.NamesUnder(found.EntityType, parentAyonId);
        if (target.TryGetValue(found.Name, out var holder) && holder.AyonId != found.Id)
        {
            issues.Add(Issue(SyncIssueKinds.Conflict, node, $"moved in ShotGrid, but its AYON name '{found.Name}' is already used by {holder.Describe()} under the new parent; left where it is"));
            return;
        }

        var source = existing.NamesUnder(found.EntityType, found.ParentId);
        if (source.TryGetValue(found.Name, out var mine) && mine.AyonId == found.Id)
        {
            source.Remove(found.Name);
        }

        target[found.Name] = new NameHolder(node.Key, found.Id, found.Name, found.EntityType, found.Type);
        patch[ParentField(node)] = parentAyonId;
        changes.Add(new SyncChange(node.SgType, node.SgId, found.Id, found.Name, SyncChangeFields.Parent, found.ParentId, parentAyonId));
    }

    private static string SuffixedName(Node node) => $"{node.Name}_sg{node.SgId}";
}
