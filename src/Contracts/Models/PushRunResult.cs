namespace AyonShotgrid.Contracts.Models;

/// <summary>What one "Sync to ShotGrid" run did, or (dry run) would do: creates only, never updates or deletes.</summary>
/// <param name="Created">ShotGrid entities created (0 in a dry run).</param>
/// <param name="Linked">AYON entities linked to the ShotGrid entity that already carried their id.</param>
/// <param name="Planned">A dry run's list: one "create" entry per entity ShotGrid lacks (ShotGrid type, AYON id and name).</param>
[GenerateSerializer, Immutable, Alias("ayonsg.push-run-result.v1")]
public sealed record PushRunResult(
    string AyonProjectName, bool DryRun, int Created, int Linked, int ShotGridRequests, IReadOnlyList<SyncChange> Planned, IReadOnlyList<SyncIssue> Issues);
