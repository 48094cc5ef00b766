using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mirror;

namespace AyonShotgrid.Grains.Projects;

/// <summary>
/// The project's event mirror (<c>Sync:MirrorEventsToAyon</c>): what a round applied goes to the mirror grain in one call,
/// before the cursor moves past it, so an event is either applied and queued for AYON's event log or delivered again.
/// </summary>
public sealed partial class ShotGridProjectGrain
{
    private IAyonEventMirrorGrain MirrorGrain => GrainFactory.GetGrain<IAyonEventMirrorGrain>(GrainKeys.EventMirror(sgOptions.Value.SiteName, SgProjectId));

    private async Task MirrorAsync(IReadOnlyList<MirroredEvent> applied)
    {
        var s = state.State;
        IReadOnlyList<MirroredEvent> fresh = syncOptions.Value.MirrorEventsToAyon ? applied : [];
        if (fresh.Count == 0 && s.MirrorPending.Count == 0)
        {
            return;
        }

        IReadOnlyList<MirroredEvent> handing = s.MirrorPending.Count == 0 ? fresh : [.. s.MirrorPending, .. fresh];
        try
        {
            await MirrorGrain.EnqueueAsync(s.AyonProjectName!, handing);
            s.MirrorPending = [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The events are applied and the cursor moves on: the project keeps them (stored with its cursor) for the next
            // round rather than hold up the stream or lose them.
            s.MirrorPending = [.. handing.TakeLast(syncOptions.Value.MirrorQueueLimit)];
            s.Events.AddError($"event mirror: {handing.Count} applied events kept for the next round: {e.Message}");
        }
    }

    /// <summary>The mirror's backlog and counters; null for a project that never mirrored an event and does not now.</summary>
    private async Task<EventMirrorStatus?> MirrorStatusAsync() =>
        state.State.AyonProjectName is null ? null
            : await MirrorGrain.GetStatusAsync() is var status && (status.Enabled || status.Queued > 0 || status.Posted > 0) ? status : null;
}
