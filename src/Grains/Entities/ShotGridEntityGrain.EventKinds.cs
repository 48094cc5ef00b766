using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// What each kind of ShotGrid event (New, Change, Retirement, Revival) does to the entity in AYON, in create-only mode
/// and with the project's "leecher applies changes" on. The grain's main file orders, counts and stores; this decides.
/// </summary>
public sealed partial class ShotGridEntityGrain
{
    /// <summary>Applied when the event changed AYON; Ignored when it was deliberately left (recorded, or nothing to do).</summary>
    private async Task<EntityEventOutcome> ApplyOneAsync(EventLogItem e, ShotGridRead read, bool applyChanges)
    {
        switch (e.Kind)
        {
            case "Retirement":
                state.State.RetiredInShotGrid = true;
                if (applyChanges)
                {
                    return Applied(await lifecycle.RetireAsync(Key, e, state.State, Index(), Record));
                }

                Record($"event {e.Id}: retired in ShotGrid (AYON entity kept; deletion is not enabled)");
                return EntityEventOutcome.Ignored;
            case "Revival" when applyChanges && state.State.Deactivated:
                state.State.RetiredInShotGrid = false;
                return Applied(await lifecycle.ReactivateAsync(Key, e, state.State, Index(), Record));
            case "New":
            case "Revival":
            case "Change":
                if (e.Kind == "Revival")
                {
                    state.State.RetiredInShotGrid = false;
                    if (applyChanges && Key.Type != SyncEntityTypes.Task)
                    {
                        return await lifecycle.ReviveFolderAsync(Key, e, state.State, read, Index(), Record);
                    }
                }

                if (e.Kind == "Change" && !e.InCreate && applyChanges)
                {
                    // Ensure first: the index may not know yet what a sync made, and a create that finds the entity
                    // already there must still apply the change. One just created from the snapshot has it already.
                    var ensured = await placer.EnsureAsync(Key, state.State, read, Index());
                    return ensured.AyonId is not { } id ? ensured.Outcome
                        : ensured.JustCreated ? EntityEventOutcome.Applied
                        : Applied(await changes.ApplyAsync(Key, e, read.Item, id, Index(), Record));
                }

                var existed = state.State.AyonId is not null || await Index().LookupAsync(NodeKey, reloadIfLoadedBefore: null) is not null;
                if (existed)
                {
                    if (e.Kind == "Change" && !e.InCreate)
                    {
                        Record($"event {e.Id}: {e.AttributeName} changed in ShotGrid (recorded; updates are not applied in create-only mode)");
                    }

                    await placer.EnsureAsync(Key, state.State, read, Index());
                    return EntityEventOutcome.Ignored;
                }

                return (await placer.EnsureAsync(Key, state.State, read, Index())).Outcome;
            default:
                return EntityEventOutcome.Ignored;
        }
    }

    private static EntityEventOutcome Applied(bool changedAyon) => changedAyon ? EntityEventOutcome.Applied : EntityEventOutcome.Ignored;
}
