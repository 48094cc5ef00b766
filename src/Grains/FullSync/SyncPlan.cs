using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>A create the sync will send, in parent-before-child order.</summary>
/// <param name="Key">Node key ("Shot:123", "AssetCategory:prop").</param>
/// <param name="AyonEntityType">"folder" or "task".</param>
/// <param name="AyonId">Id chosen for the new entity (deterministic, so a retried batch cannot create it twice).</param>
/// <param name="ParentKey">Node key of the parent, null for the project root.</param>
/// <param name="BuildData">Builds the operation's data (name, label, type, parent, status, attrib) when its batch is sent.</param>
public sealed record PlannedCreate(string Key, string AyonEntityType, string AyonId, string? ParentKey, Func<JsonObject> BuildData, string SgType, long SgId, string Name)
{
    /// <summary>
    /// The operation's data, built anew on each read. Built for the batch being sent rather than with the plan: 100,000
    /// creates held as JSON trees were the largest part of a large sync's memory.
    /// </summary>
    public JsonObject Data => BuildData();
}

/// <summary>An update of an existing entity (linking an unlinked one, or override mode).</summary>
/// <param name="IsLink">True when the update only links an entity that existed without ShotGrid attributes.</param>
/// <param name="Changes">The fields the update changes, old → new (empty for a link).</param>
public sealed record PlannedUpdate(string Key, string AyonEntityType, string AyonId, JsonObject Data, string SgType, long SgId, string Name, bool IsLink, IReadOnlyList<SyncChange>? Changes = null);

/// <summary>What a sync will do, decided before anything is written.</summary>
public sealed record SyncPlan(
    int Total,
    int AlreadyPresent,
    IReadOnlyList<PlannedCreate> Creates,
    IReadOnlyList<PlannedUpdate> Updates,
    IReadOnlyList<SyncIssue> Issues)
{
    public int Skipped => Issues.Count(i => i.Kind == SyncIssueKinds.Skipped);

    /// <summary>Entities ShotGrid answered with fields of the wrong type: failed before anything was written.</summary>
    public int Unreadable => Issues.Count(i => i.Kind == SyncIssueKinds.Failed);
}

/// <summary>Kinds of <see cref="SyncIssue"/>.</summary>
public static class SyncIssueKinds
{
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Renamed = "renamed";
    public const string Adjusted = "adjusted";
    public const string Linked = "linked";

    /// <summary>A ShotGrid assignee has no linked AYON user (or is a Group): left out of the AYON assignees, nothing created.</summary>
    public const string UnlinkedUser = "unlinkedUser";

    /// <summary>AYON and ShotGrid disagree in a way the sync will not resolve by overwriting (see the reason); nothing was written for it.</summary>
    public const string Conflict = "conflict";
}

/// <summary>Plans of parts of one project (the folders, then ranges of tasks) as one.</summary>
public static class SyncPlans
{
    public static SyncPlan Join(IReadOnlyList<SyncPlan> parts) => parts.Count == 1 ? parts[0] : new(
        parts.Sum(p => p.Total),
        parts.Sum(p => p.AlreadyPresent),
        [.. parts.SelectMany(p => p.Creates)],
        [.. parts.SelectMany(p => p.Updates)],
        [.. parts.SelectMany(p => p.Issues)]);
}
