namespace AyonShotgrid.Grains.Mirror;

/// <summary>Persisted state of a project's event mirror (plain JSON; add members with defaults).</summary>
[GenerateSerializer, Alias("ayonsg.event-mirror-state.v1")]
public sealed class AyonEventMirrorGrainState
{
    [Id(0)] public string? AyonProjectName { get; set; }

    /// <summary>Applied events not yet in AYON's event log, oldest first.</summary>
    [Id(1)] public List<MirroredEvent> Queue { get; set; } = [];

    [Id(2)] public long Posted { get; set; }

    [Id(3)] public long AlreadyThere { get; set; }

    [Id(4)] public long Refused { get; set; }

    [Id(5)] public long DroppedOverLimit { get; set; }

    [Id(6)] public string? LastError { get; set; }

    [Id(7)] public DateTimeOffset? LastErrorAt { get; set; }

    [Id(8)] public DateTimeOffset? LastPostedAt { get; set; }

    /// <summary>The resume reminder is registered (it is while the queue was not empty at the last reminder tick).</summary>
    [Id(9)] public bool ResumeReminderOn { get; set; }
}
