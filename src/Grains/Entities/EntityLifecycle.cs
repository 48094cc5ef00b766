using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// Retirement, reactivation and revival of an entity grain's AYON entity (the leecher's applyChanges mode). Stateless: the grain
/// passes its state, which this updates (the AYON id kept or forgotten, deactivated or not).
/// </summary>
public sealed partial class EntityLifecycle(
    IGrainFactory grains, IAyonClient ayon, EntityPlacer placer, RetiredParentChildren children, ShotGridProjectReader reader, TimeProvider time, ILogger<EntityLifecycle> logger)
{
    /// <summary>
    /// Deletes the AYON entity when nothing was published under it; AYON refuses to delete a folder whose subtree has
    /// products, and then it is kept, deactivated and marked (<c>data.shotgridRemoved</c>). The link attributes stay, so a
    /// revival finds it again; a deleted one is re-created with the same id. A folder's live children move out first
    /// (<see cref="RetiredParentChildren"/>): ShotGrid keeps them, AYON would delete them along.
    /// </summary>
    internal async Task<bool> RetireAsync(EntityKey key, EventLogItem e, ShotGridEntityGrainState state, IAyonProjectIndexGrain index, Action<string> record)
    {
        // Unknown to the index: reload it first (it may have loaded before a sync created the entity).
        var ayonId = state.AyonId ?? await index.LookupAsync(NodeKeys.Of(key.Type, key.Id), reloadIfLoadedBefore: time.GetUtcNow());
        if (ayonId is null)
        {
            record($"event {e.Id}: retired in ShotGrid; not in AYON, nothing to do");
            return false;
        }

        var context = await index.GetContextAsync();
        var kind = key.Type == SyncEntityTypes.Task ? "task" : "folder";
        if (kind == "folder" && await children.MoveOutAsync(key, ayonId, index, record) is > 0 and var moved)
        {
            record($"event {e.Id}: {moved} live ShotGrid children moved out of AYON folder {ayonId} before it goes");
        }

        var deleted = await ayon.SendOneAsync(context.AyonProjectName, new AyonOperation("retire", "delete", kind, ayonId, null));
        // 404: gone already (a retired parent's delete took it along, or someone deleted it in AYON).
        if (deleted is { Success: true } or { Status: 404 })
        {
            state.AyonId = null;
            state.DeletedAyonId = ayonId;
            await index.ReloadAsync();
            record($"event {e.Id}: retired in ShotGrid; AYON {kind} {ayonId} deleted (nothing was published under it)");
            LogRetired(logger, NodeKeys.Of(key.Type, key.Id), context.AyonProjectName, "deleted");
            return true;
        }

        if (deleted is not { Status: 409 })
        {
            throw new EntityApplyException($"AYON refused to delete {kind} {ayonId} ({deleted?.Status} {deleted?.ErrorCode}): {deleted?.Detail ?? "no detail"}");
        }

        var mark = new JsonObject { ["active"] = false, ["data"] = new JsonObject { ["shotgridRemoved"] = true, ["shotgridRetiredEventId"] = e.Id } };
        var kept = await ayon.SendOneAsync(context.AyonProjectName, new AyonOperation("deactivate", "update", kind, ayonId, mark));
        if (kept is not { Success: true })
        {
            throw new EntityApplyException($"AYON refused to deactivate {kind} {ayonId} ({kept?.Status} {kept?.ErrorCode}): {kept?.Detail ?? "no detail"}");
        }

        state.AyonId = ayonId;
        state.Deactivated = true;
        record($"event {e.Id}: retired in ShotGrid; AYON {kind} {ayonId} kept, deactivated and marked removed (AYON refused the delete: {deleted.Detail})");
        LogRetired(logger, NodeKeys.Of(key.Type, key.Id), context.AyonProjectName, "deactivated");
        return true;
    }

    internal async Task<bool> ReactivateAsync(EntityKey key, EventLogItem e, ShotGridEntityGrainState state, IAyonProjectIndexGrain index, Action<string> record)
    {
        var context = await index.GetContextAsync();
        var kind = key.Type == SyncEntityTypes.Task ? "task" : "folder";
        var ayonId = state.AyonId!;
        var data = new JsonObject { ["active"] = true, ["data"] = new JsonObject { ["shotgridRemoved"] = null, ["shotgridRetiredEventId"] = null } };
        var result = await ayon.SendOneAsync(context.AyonProjectName, new AyonOperation("reactivate", "update", kind, ayonId, data));
        if (result is not { Success: true })
        {
            // Most likely an active sibling took the name meanwhile (inactive entities do not hold names in AYON).
            throw new EntityApplyException($"conflict: AYON refused to reactivate {kind} {ayonId} ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
        }

        state.Deactivated = false;
        record($"event {e.Id}: revived in ShotGrid; AYON {kind} {ayonId} reactivated");
        await MoveChildrenBackAsync(key, e, index, record);
        return true;
    }

    /// <summary>
    /// A revived folder comes back (with its previous id when the leecher deleted it), then asks its ShotGrid tasks to
    /// come back too: AYON deleted them along with the folder, and they get no retirement or revival of their own.
    /// </summary>
    internal async Task<EntityEventOutcome> ReviveFolderAsync(EntityKey key, EventLogItem e, ShotGridEntityGrainState state, ShotGridRead read, IAyonProjectIndexGrain index, Action<string> record)
    {
        // A child's change may have brought it back already (ShotGrid sends the children's changes first).
        var ensured = await placer.EnsureAsync(key, state, read, index);
        if (ensured.AyonId is not { } id)
        {
            return ensured.Outcome;
        }

        var context = await index.GetContextAsync();
        var project = new SgProjectInfo(key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        var taskIds = await reader.ReadTaskIdsOfAsync(project, key.Type, key.Id, CancellationToken.None);
        foreach (var taskId in taskIds)
        {
            await grains.GetGrain<IShotGridEntityGrain>(key.GrainKeyOf(SyncEntityTypes.Task, taskId)).RestoreAsync();
        }

        record($"event {e.Id}: revived in ShotGrid; AYON folder {id} is back, {taskIds.Count} of its tasks asked to come back");
        await MoveChildrenBackAsync(key, e, index, record);
        return EntityEventOutcome.Applied;
    }

    /// <summary>The children moved out on retirement link to the revived entity again in ShotGrid: they go back under it.</summary>
    private async Task MoveChildrenBackAsync(EntityKey key, EventLogItem e, IAyonProjectIndexGrain index, Action<string> record)
    {
        if (key.Type != SyncEntityTypes.Task && await children.MoveBackAsync(key, index, record) is > 0 and var back)
        {
            record($"event {e.Id}: {back} entities ShotGrid links to it again placed back under it");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{NodeKey} retired in ShotGrid: AYON entity in '{AyonProject}' {Outcome}")]
    private static partial void LogRetired(ILogger logger, string nodeKey, string ayonProject, string outcome);
}
