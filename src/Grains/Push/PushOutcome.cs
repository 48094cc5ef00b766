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

    public List<SyncIssue> Issues { get; } = [];

    public List<PushConflict> Conflicts { get; } = [];

    /// <summary>What a dry run of Sync to ShotGrid would create (ShotGrid type, AYON name, AYON id as the new value).</summary>
    public List<SyncChange> Planned { get; } = [];
}
