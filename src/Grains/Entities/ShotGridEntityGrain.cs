using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// One ShotGrid entity. Non-reentrant, so its events apply one at a time in event order; different entities run in
/// parallel. Creation is idempotent: the entity is looked up by its ShotGrid link (and its deterministic AYON id)
/// before anything is written, and replayed events at or below <see cref="ShotGridEntityGrainState.LastEventId"/> are skipped.
/// </summary>
public sealed partial class ShotGridEntityGrain(
    [PersistentState("entity", StorageNames.Sync)] IPersistentState<ShotGridEntityGrainState> state,
    EntityPlacer placer,
    EntityChangeApplier changes,
    EntityLifecycle lifecycle,
    ILogger<ShotGridEntityGrain> logger) : Grain, IShotGridEntityGrain
{
    private EntityKey Key => EntityKey.Parse(this.GetPrimaryKeyString());

    Task<EntityApplyResult> IShotGridEntityGrain.ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot) =>
        ApplyCoreAsync(events, snapshot, applyChanges: false);

    Task<EntityApplyResult> IShotGridEntityGrain.ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges) =>
        ApplyCoreAsync(events, snapshot, applyChanges);

    private async Task<EntityApplyResult> ApplyCoreAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges)
    {
        // The entity as the project read it for these events; a parent asked for by a child reads itself.
        var item = snapshot is { } read ? EntitySnapshots.ToItem(read, Key.Type, Key.Id) : null;
        var readFromShotGrid = snapshot is not null;
        int ignored = 0, failed = 0;
        var appliedIds = new List<long>();
        var errors = new List<string>();
        var gone = new List<long>();

        // A create refused by AYON is one failure, not one per Change row ShotGrid wrote for the same create.
        string? refusedInThisCall = null;
        try
        {
            foreach (var e in events.OrderBy(e => e.Id))
            {
                if (e.Id <= state.State.LastEventId)
                {
                    ignored++;
                    continue;
                }

                if ((refusedInThisCall is not null || state.State.CreateFailed) && state.State.AyonId is null && (e.Kind == "New" || e.InCreate))
                {
                    ignored++;
                    state.State.Ignored++;
                    state.State.LastEventId = e.Id;
                    continue;
                }

                try
                {
                    var outcome = await ApplyOneAsync(e, new ShotGridRead(readFromShotGrid, item), applyChanges);
                    if (outcome == EntityEventOutcome.Applied)
                    {
                        appliedIds.Add(e.Id);
                        state.State.Applied++;
                    }
                    else if (outcome == EntityEventOutcome.GoneInShotGrid && !state.State.ReportedGone)
                    {
                        gone.Add(e.Id);
                        state.State.ReportedGone = true;
                        Record($"event {e.Id}: {Key.Type} {Key.Id} was deleted in ShotGrid before the event was read; nothing to create");
                    }
                    else
                    {
                        ignored++;
                        state.State.Ignored++;
                    }
                }
                catch (EntityApplyException refused)
                {
                    failed++;
                    state.State.Failed++;
                    state.State.LastError = $"event {e.Id} ({e.EventType}): {refused.Message}";
                    errors.Add(state.State.LastError);
                    refusedInThisCall = refused.Message;
                    state.State.CreateFailed = state.State.AyonId is null && (e.Kind == "New" || e.InCreate);
                    LogRefused(logger, e.Id, e.EventType, refused.Message);
                }

                state.State.LastEventId = e.Id;
            }
        }
        finally
        {
            // Keep what was done even when a server outage interrupts the list; the rest is delivered again.
            await state.WriteStateAsync();
        }

        return new EntityApplyResult(appliedIds.Count, ignored, failed, errors, gone, appliedIds, state.State.AyonId);
    }

    async Task<EntityInAyon> IShotGridEntityGrain.EnsureInAyonAsync()
    {
        // Every child of a new shot asks its parent; writing unchanged state each time made the parent grain a queue.
        var before = state.State.AyonId;
        try
        {
            var ensured = await placer.EnsureAsync(Key, state.State, ShotGridRead.NotYet, Index());
            return new EntityInAyon(ensured.AyonId);
        }
        catch (EntityApplyException refused)
        {
            return new EntityInAyon(null, refused.Message);
        }
        finally
        {
            if (state.State.AyonId != before)
            {
                await state.WriteStateAsync();
            }
        }
    }

    async Task IShotGridEntityGrain.RestoreAsync()
    {
        var before = state.State.AyonId;
        try
        {
            await placer.EnsureAsync(Key, state.State, ShotGridRead.NotYet, Index());
        }
        catch (EntityApplyException refused)
        {
            state.State.Failed++;
            state.State.LastError = $"restoring after the parent's revival: {refused.Message}";
            LogRefused(logger, 0, "restore", refused.Message);
        }

        if (state.State.AyonId != before || state.State.LastError is not null)
        {
            if (state.State.AyonId != before)
            {
                Record($"restored in AYON as {state.State.AyonId} after its parent's revival");
            }

            await state.WriteStateAsync();
        }
    }

    private string NodeKey => NodeKeys.Of(Key.Type, Key.Id);
    private IAyonProjectIndexGrain Index() => GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(Key.Site, Key.ProjectId));

    private void Record(string change)
    {
        state.State.RecordedChanges.Add(change);
        if (state.State.RecordedChanges.Count > 20)
        {
            state.State.RecordedChanges.RemoveAt(0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid event {EventId} ({EventType}) could not be applied: {Reason}")]
    private static partial void LogRefused(ILogger logger, long eventId, string eventType, string reason);
}
