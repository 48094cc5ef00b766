using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Persisted state of a sync job. Stored as plain JSON: add members with defaults, never rename or remove one
/// without a migration (see docs/persistence.md).
/// </summary>
[GenerateSerializer, Alias("ayonsg.sync-job-grain-state.v1")]
public sealed class SyncJobGrainState
{
    [Id(0)] public long SgProjectId { get; set; }

    [Id(1)] public string? AyonProjectName { get; set; }

    [Id(2)] public bool OverrideDifferences { get; set; }

    [Id(3)] public string? RequestedBy { get; set; }

    [Id(4)] public SyncJobState State { get; set; }

    [Id(5)] public string Phase { get; set; } = "queued";

    [Id(6)] public int ProgressPercent { get; set; }

    [Id(7)] public SyncCounts Counts { get; set; } = SyncCounts.Zero;

    [Id(8)] public List<SyncIssue> Issues { get; set; } = [];

    [Id(9)] public string? Error { get; set; }

    [Id(10)] public DateTimeOffset CreatedAt { get; set; }

    [Id(11)] public DateTimeOffset? StartedAt { get; set; }

    [Id(12)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Runs started so far; a silo lost mid-run makes the resume reminder start another.</summary>
    [Id(13)] public int Attempt { get; set; }

    [Id(14)] public bool Exists { get; set; }

    /// <summary>Plan only: nothing is written to AYON.</summary>
    [Id(15)] public bool DryRun { get; set; }

    /// <summary>Fields the job changed (a dry run: would change); see <see cref="SyncChange"/>.</summary>
    [Id(16)] public List<SyncChange> Changes { get; set; } = [];

    [Id(17)] public int ChangesOmitted { get; set; }

    /// <summary>The project's own hierarchy preset when the job was started; null = the AYON project setting.</summary>
    [Id(20)] public string? HierarchyPreset { get; set; }

    /// <summary>"AYON" or "ShotGrid" while the job waits for that server to answer again; null otherwise.</summary>
    [Id(18)] public string? WaitingFor { get; set; }

    /// <summary>First failed attempt of the current outage streak (kept across a resume, so Sync:MaxOutage holds).</summary>
    [Id(19)] public DateTimeOffset? WaitingSince { get; set; }
}
