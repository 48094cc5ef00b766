namespace AyonShotgrid.Contracts.Models;

/// <summary>One entity the sync could not create as asked, and why.</summary>
/// <param name="Kind">"failed" (AYON refused or an error), "skipped" (policy) or "renamed" (a name was changed to fit AYON).</param>
/// <param name="EntityType">ShotGrid entity type, e.g. "Shot".</param>
/// <param name="EntityId">ShotGrid id (0 for derived asset categories).</param>
/// <param name="Name">The ShotGrid code/content.</param>
/// <param name="Reason">Human-readable reason, including AYON's own detail where it gave one.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.sync-issue.v1")]
public sealed record SyncIssue(string Kind, string EntityType, long EntityId, string Name, string Reason);
