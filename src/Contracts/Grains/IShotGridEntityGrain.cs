using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One ShotGrid entity: applies its events to AYON in event order and creates it (and its missing parents) when
/// AYON does not have it yet. Key: <see cref="GrainKeys.Entity"/>.
/// </summary>
[Alias("ayonsg.IShotGridEntityGrain")]
public interface IShotGridEntityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events (ascending ids). Throws when AYON or ShotGrid is unreachable so the caller retries later; records
    /// refusals and acknowledges them. <paramref name="snapshot"/>, when given, is the entity as just read from ShotGrid.
    /// </summary>
    [Alias("ApplyAsync")]
    Task<EntityApplyResult> ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot);

    /// <summary>
    /// As <see cref="ApplyAsync(IReadOnlyList{EventLogItem}, EntitySnapshot?)"/>; with <paramref name="applyChanges"/> a
    /// <c>_Change</c> of an entity already in AYON is applied to it (label, status, task type, parent) instead of only recorded.
    /// </summary>
    [Alias("ApplyWithChangesAsync")]
    Task<EntityApplyResult> ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges);

    /// <summary>
    /// Makes sure the entity exists in AYON (reading it from ShotGrid); answers its AYON id, or why it is not there
    /// (retired in ShotGrid, skipped by the duplicate-name policy, refused by AYON).
    /// </summary>
    [Alias("EnsureInAyonAsync")]
    Task<EntityInAyon> EnsureInAyonAsync();

    /// <summary>
    /// A revived parent asks its tasks to come back (AYON deleted them along with the parent). One-way, so a parent never
    /// waits on a child that may itself be waiting on the parent; the child records any failure in its own state.
    /// </summary>
    [Alias("RestoreAsync"), Orleans.Concurrency.OneWay]
    Task RestoreAsync();
}
