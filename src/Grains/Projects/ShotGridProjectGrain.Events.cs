using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.EventLog;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Projects;

/// <summary>The project's side of the event stream: a leecher round's events applied in order, the cursor moved past what is done, and the cursor as the status shows it.</summary>
public sealed partial class ShotGridProjectGrain
{
    async Task<long> IShotGridProjectGrain.ApplyEventsAsync(EventBatch batch)
    {
        var s = state.State;
        if (s.Cursor is not { } cursor || s.AyonProjectName is null)
        {
            return -1;
        }

        cursor.Observe(batch.MaxVisibleId, batch.MissingIds, batch.ObservedAt);
        foreach (var bad in batch.Malformed ?? [])
        {
            // Counted once: a redelivered batch finds it done.
            if (!cursor.IsDone(bad.Id))
            {
                s.Events.AddMalformed(bad);
                cursor.MarkApplied(bad.Id);
            }
        }

        var all = batch.Events.Where(e => !cursor.IsDone(e.Id)).OrderBy(e => e.Id).ToList();
        var todo = all.Where(e => !Notes.NoteEventRouter.IsNoteEvent(e)).ToList();
        var noteEvents = all.Where(Notes.NoteEventRouter.IsNoteEvent).ToList();
        var index = GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(sgOptions.Value.SiteName, SgProjectId));
        if (all.Count > 0)
        {
            // Only a project with events to apply loads its index: loading a quiet 100,000-entity project's index held up
            // the leecher's round, and with it every other project's events, for seconds.
            await index.AttachAsync(s.AyonProjectName, s.HierarchyPreset);
        }

        // Playlists are entity lists in AYON, not folders or tasks: they go their own way (Playlists/PlaylistEventRouter).
        var playlistEvents = todo.Where(Playlists.PlaylistEventRouter.Handles).ToList();
        var outcome = await ProjectEventRouter.RouteAsync(GrainFactory, sgOptions.Value.SiteName, SgProjectId, todo.Except(playlistEvents).ToList(), ApplyChanges, async (type, ids) =>
        {
            var context = await index.GetContextAsync();
            var project = new FullSync.SgProjectInfo(SgProjectId, context.AyonProjectName, null, Mapping.Navchains.From(context.Navchains), null);
            var attributes = await attributeMaps.RecentAsync(CancellationToken.None);
            var items = await reader.ReadItemsAsync(project, type, ids, CancellationToken.None, attributes);
            return items.ToDictionary(kv => kv.Key, kv => EntitySnapshots.From(kv.Value));
        }, syncOptions.Value.MaxParallelEntities);
        if (playlistEvents.Count > 0)
        {
            outcome = Playlists.PlaylistEventRouter.Merge(outcome, await Playlists.PlaylistEventRouter.RouteAsync(
                GrainFactory, playlists, sgOptions.Value.SiteName, SgProjectId, s.AyonProjectName, playlistEvents));
        }

        // Notes after the entities of the same round, so a note on a shot made in this round finds it.
        var notes = await RouteNotesAsync(noteEvents, index);
        await MirrorAsync(outcome.AppliedEvents ?? []);
        foreach (var id in outcome.DoneIds.Concat(notes.DoneIds))
        {
            cursor.MarkApplied(id);
        }

        outcome = outcome with
        {
            Applied = outcome.Applied + notes.Applied,
            Ignored = outcome.Ignored + notes.Ignored,
            FirstUnfinishedId = Min(outcome.FirstUnfinishedId, notes.FirstUnfinishedId),
            Errors = [.. outcome.Errors, .. notes.Errors],
        };

        var givenUp = cursor.GiveUpExpired(batch.ObservedAt, syncOptions.Value.SettleWindow);
        cursor.Advance(batch.MaxVisibleId, outcome.FirstUnfinishedId);
        s.Events.Applied += outcome.Applied;
        s.Events.Ignored += outcome.Ignored;
        s.Events.Failed += outcome.Failed;
        foreach (var g in outcome.Gone)
        {
            s.Events.AddDeletedBeforeRead(g.EventId, g.EntityType, g.EntityId);
        }

        foreach (var error in outcome.Errors)
        {
            s.Events.AddError(error);
        }

        if (all.Count > 0)
        {
            s.Events.LastEventAt = all[^1].CreatedAt;
        }

        if (givenUp > 0)
        {
            LogGivenUp(logger, SgProjectId, givenUp, cursor.GivenUp);
        }

        await state.WriteStateAsync();
        if (all.Count > 0)
        {
            LogApplied(logger, SgProjectId, outcome.Applied, outcome.Ignored, outcome.Failed, cursor.Watermark, cursor.Backlog.Count);
        }

        return cursor.Watermark;
    }

    Task<long> IShotGridProjectGrain.GetWatermarkAsync() =>
        Task.FromResult(state.State.Cursor is { } c && state.State.AyonProjectName is not null ? c.Watermark : -1L);

    private LeecherCursorStatus? CursorStatus()
    {
        if (state.State.Cursor is not { } c)
        {
            return null;
        }

        var e = state.State.Events;
        return new LeecherCursorStatus(
            state.State.AyonProjectName is not null, c.Watermark, c.AppliedAbove.Count, c.Backlog.Count, c.NewestSeen, Math.Max(0, c.NewestSeen - c.Watermark),
            e.Applied, e.Ignored, e.Failed, c.GivenUp, e.LastErrors.ToList(), e.LastEventAt, e.Malformed, e.LastMalformed.ToList(),
            e.DeletedBeforeRead, e.LastDeletedBeforeRead.ToList());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: {Applied} events applied, {Ignored} ignored, {Failed} failed; watermark {Watermark}, {Backlog} ids waited for")]
    private static partial void LogApplied(ILogger logger, long sgProjectId, int applied, int ignored, int failed, long watermark, int backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId}: gave up waiting for {Count} missing event ids after the settle window ({Total} in all)")]
    private static partial void LogGivenUp(ILogger logger, long sgProjectId, int count, long total);
}
