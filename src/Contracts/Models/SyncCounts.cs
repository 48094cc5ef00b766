namespace AyonShotgrid.Contracts.Models;

/// <summary>Entity counts of a sync job.</summary>
/// <param name="Total">ShotGrid entities the job considered (including asset categories it derived).</param>
/// <param name="Created">Entities the job created in AYON.</param>
/// <param name="AlreadyPresent">Entities found in AYON by their shotgridId and left as they were.</param>
/// <param name="Updated">Existing entities changed because they differed (override mode only).</param>
/// <param name="Skipped">Entities deliberately not synced (duplicate names, unsupported parents); see the issues list.</param>
/// <param name="Failed">Entities AYON refused or that could not be written; see the errors list.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.sync-counts.v1")]
public sealed record SyncCounts(int Total, int Created, int AlreadyPresent, int Updated, int Skipped, int Failed)
{
    public static SyncCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Entities the job has decided about so far.</summary>
    public int Done => Created + AlreadyPresent + Updated + Skipped + Failed;
}
