using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Push;

/// <summary>Persisted state of a push grain (plain JSON; add members with defaults, see docs/persistence.md).</summary>
[GenerateSerializer, Alias("ayonsg.push-grain-state.v1")]
public sealed class AyonPushGrainState
{
    [Id(0)] public string? AyonProjectName { get; set; }

    /// <summary>AYON event cursor: every event of the project up to it is done. Null with <see cref="CursorStarted"/> = from the first event.</summary>
    [Id(1)] public string? Cursor { get; set; }

    [Id(2)] public bool CursorStarted { get; set; }

    /// <summary>The AYON project attribute <c>shotgridPush</c> as last read.</summary>
    [Id(3)] public bool Enabled { get; set; }

    [Id(4)] public long EventsRead { get; set; }

    [Id(5)] public long OwnEventsSkipped { get; set; }

    [Id(6)] public long Created { get; set; }

    [Id(7)] public long Updated { get; set; }

    [Id(8)] public long Linked { get; set; }

    [Id(9)] public long ShotGridRequests { get; set; }

    /// <summary>The latest issues, newest last (capped).</summary>
    [Id(10)] public List<SyncIssue> Issues { get; set; } = [];

    [Id(11)] public List<PushConflict> Conflicts { get; set; } = [];

    [Id(12)] public DateTimeOffset? LastPushAt { get; set; }

    /// <summary>The Sync to ShotGrid job holding the event push, and until when (it renews the hold as it goes).</summary>
    [Id(13)] public string? HoldingJobId { get; set; }

    [Id(14)] public DateTimeOffset? HeldUntil { get; set; }

    public const int MaxKept = KeptLatest.Max;

    public void AddIssues(IEnumerable<SyncIssue> issues) => KeptLatest.Append(Issues, issues, MaxKept);

    public void AddConflicts(IEnumerable<PushConflict> conflicts) => KeptLatest.Append(Conflicts, conflicts, MaxKept);
}
