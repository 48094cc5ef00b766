
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Entities;

/// <summary>What one event did to AYON.</summary>
internal enum EntityEventOutcome
{
    /// <summary>AYON changed.</summary>
    Applied,

    /// <summary>Deliberately left (recorded, or nothing to do).</summary>
    Ignored,

    /// <summary>The entity was deleted in ShotGrid before the event was read: nothing to create.</summary>
    GoneInShotGrid,
}

/// <summary>What an entity grain's read of ShotGrid gave for the events being applied; NotYet: read it when needed.</summary>
internal readonly record struct ShotGridRead(bool Done, SgItem? Item)
{
    public static ShotGridRead NotYet => new(false, null);
}

/// <summary>The entity's AYON id (null: gone from ShotGrid) and whether this call created it.</summary>
internal readonly record struct Ensured(string? AyonId, bool JustCreated)
{
    public EntityEventOutcome Outcome => AyonId is null ? EntityEventOutcome.GoneInShotGrid : EntityEventOutcome.Applied;
}
