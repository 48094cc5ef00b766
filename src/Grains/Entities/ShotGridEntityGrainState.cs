namespace AyonShotgrid.Grains.Entities;

/// <summary>Persisted state of an entity grain (plain JSON; add members with defaults).</summary>
[GenerateSerializer, Alias("ayonsg.entity-grain-state.v1")]
public sealed class ShotGridEntityGrainState
{
    [Id(0)] public string? AyonId { get; set; }

    /// <summary>Highest event id applied; lower or equal ids delivered again (after a crash) are skipped.</summary>
    [Id(1)] public long LastEventId { get; set; }

    [Id(2)] public long Applied { get; set; }

    [Id(3)] public long Ignored { get; set; }

    [Id(4)] public long Failed { get; set; }

    /// <summary>Changes of an entity already in AYON, recorded until the update mode applies them.</summary>
    [Id(5)] public List<string> RecordedChanges { get; set; } = [];

    [Id(6)] public bool RetiredInShotGrid { get; set; }

    [Id(7)] public string? LastError { get; set; }

    /// <summary>AYON id of the entity the leecher deleted on retirement, so a revival re-creates it with the same id.</summary>
    [Id(8)] public string? DeletedAyonId { get; set; }

    /// <summary>The leecher deactivated the AYON entity on retirement (it had published content), so a revival reactivates it.</summary>
    [Id(9)] public bool Deactivated { get; set; }

    /// <summary>
    /// An event found the entity already deleted in ShotGrid and was reported; the other events of the same short life
    /// (its in-create changes, its retirement) are only counted as ignored. Cleared once the entity is readable again.
    /// </summary>
    [Id(10)] public bool ReportedGone { get; set; }

    /// <summary>
    /// Creating the entity failed (AYON refused it, or ShotGrid answered it with a wrong-typed field): the rest of its
    /// New/in-create rows, even when a later poll delivers them, are not counted as more failures of the same create.
    /// </summary>
    [Id(11)] public bool CreateFailed { get; set; }
}
