using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Push;

/// <summary>What one push round did.</summary>
public sealed class PushOutcome
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Linked { get; set; }

    public int Requests { get; set; }

    public int OwnSkipped { get; set; }

    /// <summary>Sync to ShotGrid: the AYON folders (of ShotGrid types), tasks, versions and representations it looked at.</summary>
    public int Considered { get; set; }

    public List<SyncIssue> Issues { get; } = [];

    public List<PushConflict> Conflicts { get; } = [];

    /// <summary>What a dry run of Sync to ShotGrid would create: one "create" per entity (ShotGrid type, AYON id and name).</summary>
    public List<SyncChange> Planned { get; } = [];
}
