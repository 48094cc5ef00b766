namespace AyonShotgrid.Grains.Events;

/// <summary>
/// Per project: which AYON entity mirrors which ShotGrid entity (by shotgridType/shotgridId), plus the project
/// context entity grains need. Held in memory and loaded from AYON on activation, so it also knows entities
/// that the full sync or a person made. Calls no grain. Key: <see cref="Contracts.GrainKeys.AyonIndex"/>.
/// </summary>
[Alias("ayonsg.IAyonProjectIndexGrain")]
public interface IAyonProjectIndexGrain : IGrainWithStringKey
{
    /// <summary>Tells the index which AYON project it mirrors (the project grain calls this before routing events).</summary>
    [Alias("AttachAsync")]
    Task AttachAsync(string ayonProjectName);

    /// <summary>Reloads everything, adding task types for Pipeline Steps ShotGrid gained since (called on Step events).</summary>
    [Alias("ReloadAsync")]
    Task ReloadAsync();

    [Alias("GetContextAsync")]
    Task<ProjectContext> GetContextAsync();

    /// <summary>
    /// AYON id of a node key ("Shot:12", "AssetCategory:prop"). With <paramref name="reloadOnMiss"/> an unknown key
    /// makes it reload from AYON first (at most every 2 s): used after a create was refused, to find what is there.
    /// </summary>
    [Alias("LookupAsync")]
    Task<string?> LookupAsync(string nodeKey, bool reloadOnMiss);

    /// <summary>Records an entity the caller just created.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(string nodeKey, string ayonId, string ayonEntityType, string? parentId, string name);

    /// <summary>Whether a name is free under a parent (case-insensitive, active siblings).</summary>
    [Alias("IsNameFreeAsync")]
    Task<bool> IsNameFreeAsync(string ayonEntityType, string? parentId, string name);
}
