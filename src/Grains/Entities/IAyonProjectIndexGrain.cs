using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// Per project: which AYON entity mirrors which ShotGrid entity (by shotgridType/shotgridId), plus the project
/// context entity grains need. Held in memory and loaded from AYON on activation, so it also knows entities
/// that the full sync or a person made. Calls no grain. Key: <see cref="Contracts.GrainKeys.AyonIndex"/>.
/// Loading reads the whole AYON project, which for a large project on a busy or distant server outlasts Orleans'
/// 30-second call timeout; a timed-out load failed sync jobs whose every write had succeeded. So its calls — and the
/// calls queued behind a load, which wait with it — get <see cref="LoadTimeout"/>.
/// </summary>
[Alias("ayonsg.IAyonProjectIndexGrain")]
public interface IAyonProjectIndexGrain : IGrainWithStringKey
{
    /// <summary>How long a call may wait for the index (a load, or a load ahead of it): 10 minutes.</summary>
    public const string LoadTimeout = "00:10:00";

    /// <summary>
    /// Tells the index which AYON project it mirrors (the project grain calls this before routing events). A loaded index
    /// re-reads the project's sync settings (hierarchy preset, default task type, duplicate-name policy) here, so a
    /// change takes effect with the next leecher round.
    /// </summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("AttachAsync")]
    /// <param name="hierarchyPreset">The project's own hierarchy preset (gateway setting), which wins over AYON's; null = AYON's.</param>
    Task AttachAsync(string ayonProjectName, string? hierarchyPreset = null);

    /// <summary>Reloads everything, adding task types for Pipeline Steps ShotGrid gained since (called on Step events).</summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("ReloadAsync")]
    Task ReloadAsync();

    /// <summary>
    /// Reloads an index that is in use (the project settings, such as the hierarchy preset, with it); an index nothing
    /// attached stays unloaded. Called after a full sync, which ran with the settings AYON holds now.
    /// </summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("ReloadIfAttachedAsync")]
    Task ReloadIfAttachedAsync();

    [ResponseTimeout(LoadTimeout)]
    [Alias("GetContextAsync")]
    Task<ProjectContext> GetContextAsync();

    /// <summary>
    /// AYON id of a node key ("Shot:12", "AssetCategory:prop"). With <paramref name="reloadIfLoadedBefore"/> (the moment
    /// AYON refused a create) an unknown key makes it reload from AYON first — unless a load already began after that
    /// moment, so a burst of refusals costs one reload, not one each.
    /// </summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("LookupAsync")]
    Task<string?> LookupAsync(string nodeKey, DateTimeOffset? reloadIfLoadedBefore);

    /// <summary>Records an entity the caller just created or linked (<paramref name="type"/>: its folder or task type).</summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("RecordAsync")]
    Task RecordAsync(string nodeKey, string ayonId, string ayonEntityType, string? parentId, string name, string type);

    /// <summary>
    /// ShotGrid HumanUser id → AYON user name (from the users' <c>data.sg_user_id</c>). Read from AYON on first use and
    /// again when the last read is older than a minute, so a user linked meanwhile is found without a full reload.
    /// </summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("GetUserLinksAsync")]
    Task<IReadOnlyDictionary<long, string>> GetUserLinksAsync();

    /// <summary>Records that the caller moved a folder it holds under another parent (null: the project root).</summary>
    [Alias("RecordMoveAsync")]
    Task RecordMoveAsync(string ayonId, string? parentId);

    /// <summary>The active ShotGrid-linked folders directly under an AYON folder (what AYON would delete along with it).</summary>
    [Alias("LinkedChildFoldersAsync")]
    Task<IReadOnlyList<Mapping.NameHolder>> LinkedChildFoldersAsync(string parentId);

    /// <summary>Who holds each of <paramref name="names"/> under a parent (case-insensitive, active siblings); free names are left out.</summary>
    [ResponseTimeout(LoadTimeout)]
    [Alias("NameHoldersAsync")]
    Task<IReadOnlyList<Mapping.NameHolder>> NameHoldersAsync(string ayonEntityType, string? parentId, IReadOnlyList<string> names);
}
