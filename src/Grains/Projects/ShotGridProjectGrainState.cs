using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Projects;

/// <summary>Persisted state of a ShotGrid project grain (plain JSON; add members with defaults, see docs/persistence.md).</summary>
[GenerateSerializer, Alias("ayonsg.project-grain-state.v1")]
public sealed class ShotGridProjectGrainState
{
    [Id(0)] public string? SgProjectName { get; set; }

    [Id(1)] public string? AyonProjectName { get; set; }

    [Id(2)] public DateTimeOffset? PreparedAt { get; set; }

    [Id(3)] public List<string> Notes { get; set; } = [];

    [Id(4)] public string? RunningJobId { get; set; }

    [Id(5)] public SyncJobStatus? LastSync { get; set; }

    /// <summary>Position in the ShotGrid event log; null until the project is first prepared.</summary>
    [Id(6)] public EventLog.EventCursor? Cursor { get; set; }

    [Id(7)] public EventCounters Events { get; set; } = new();

    /// <summary>The project's own "leecher applies changes" setting; null = <c>Sync:ApplyChanges</c>.</summary>
    [Id(8)] public bool? ApplyChanges { get; set; }

    /// <summary>The project's own hierarchy preset ("flat", "grouped"); null = the AYON project setting / <c>Sync:HierarchyPreset</c>.</summary>
    [Id(9)] public string? HierarchyPreset { get; set; }

    /// <summary>The project's own "ShotGrid notes become AYON comments" switch; null = <c>Sync:NotesFromShotGrid</c>.</summary>
    [Id(10)] public bool? NotesFromShotGrid { get; set; }

    /// <summary>Applied events the event mirror grain could not take yet (it failed); handed over again with the next round.</summary>
    [Id(11)] public List<Mirror.MirroredEvent> MirrorPending { get; set; } = [];

    /// <summary>The project's own "AYON comments become ShotGrid notes" switch (with the push on); null = <c>Sync:NotesToShotGrid</c>.</summary>
    [Id(12)] public bool? NotesToShotGrid { get; set; }

    /// <summary>The running Sync to ShotGrid job (a sync job grain key), if any.</summary>
    [Id(14)] public string? RunningPushJobId { get; set; }

    /// <summary>The last finished Sync to ShotGrid job, without its change list.</summary>
    [Id(15)] public SyncJobStatus? LastPushJob { get; set; }
}
