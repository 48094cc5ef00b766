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

/// <summary>
/// Owns one ShotGrid project's link to AYON and its sync history. Non-reentrant: Prepare and job bookkeeping for
/// a project never interleave, so two syncs of one project cannot start at once.
/// </summary>
public sealed partial class ShotGridProjectGrain(
    [PersistentState("project", StorageNames.Sync)] IPersistentState<ShotGridProjectGrainState> state,
    ProjectPreparer preparer,
    EventLogReader events,
    FullSync.ShotGridProjectReader reader,
    Configuration.AttributeMapSource attributeMaps,
    Push.ShotGridAyonIdField ayonIdField,
    Playlists.PlaylistReader playlists,
    IOptions<ShotGridOptions> sgOptions,
    IOptions<SyncOptions> syncOptions,
    SyncClock clock,
    ILogger<ShotGridProjectGrain> logger) : Grain, IShotGridProjectGrain
{
    private long SgProjectId => GrainKeys.ParseProjectId(this.GetPrimaryKeyString());

    Task<PrepareResult> IShotGridProjectGrain.PrepareAsync() => GrainErrors.Translate(PrepareCoreAsync);

    Task<SyncJobStatus> IShotGridProjectGrain.StartSyncAsync(SyncRequest request) => GrainErrors.Translate(() => StartSyncCoreAsync(request));

    private async Task<SyncJobStatus> StartSyncCoreAsync(SyncRequest request)
    {
        if (state.State.RunningJobId is { } runningId)
        {
            var running = await GrainFactory.GetGrain<ISyncJobGrain>(runningId).GetStatusAsync();
            if (running is { IsFinished: false })
            {
                LogAlreadyRunning(logger, SgProjectId, runningId);
                return running;
            }
        }

        // A sync of a project nobody prepared prepares it first: the sync cannot write without the attributes and types.
        if (state.State.AyonProjectName is null)
        {
            await PrepareCoreAsync();
        }

        var jobKey = GrainKeys.Job(Guid.NewGuid());
        state.State.RunningJobId = jobKey;
        await state.WriteStateAsync();
        return await GrainFactory.GetGrain<ISyncJobGrain>(jobKey).StartAsync(SgProjectId, state.State.AyonProjectName!, request with { HierarchyPreset = state.State.HierarchyPreset });
    }

    Task<ProjectStatus> IShotGridProjectGrain.GetStatusAsync() => StatusCoreAsync();

    Task<ProjectStatus> IShotGridProjectGrain.GetExistingStatusAsync() => GrainErrors.Translate(async () =>
    {
        var s = state.State;
        if (s.SgProjectName is null && s.LastSync is null && s.RunningJobId is null)
        {
            // Nothing was ever done for this id: say whether ShotGrid has such a project (NotFound when not) rather
            // than answer an empty view. The name is kept for the activation, so a page that polls asks ShotGrid once.
            s.SgProjectName = (await reader.ReadProjectAsync(SgProjectId, CancellationToken.None)).Name;
        }

        return await StatusCoreAsync();
    });

    private async Task<ProjectStatus> StatusCoreAsync()
    {
        var s = state.State;

        SyncJobStatus? last = s.LastSync;
        if (s.RunningJobId is { } runningId && await GrainFactory.GetGrain<ISyncJobGrain>(runningId).GetStatusAsync() is { } running)
        {
            last = running;
        }

        return new ProjectStatus(SgProjectId, s.SgProjectName, s.AyonProjectName, s.PreparedAt, s.Notes.ToList(), s.RunningJobId, last, CursorStatus(), ApplyChanges, s.ApplyChanges,
            await PushStatusAsync(), s.HierarchyPreset);
    }

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

        var todo = batch.Events.Where(e => !cursor.IsDone(e.Id)).OrderBy(e => e.Id).ToList();
        var index = GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(sgOptions.Value.SiteName, SgProjectId));
        if (todo.Count > 0)
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

        foreach (var id in outcome.DoneIds)
        {
            cursor.MarkApplied(id);
        }

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

        if (todo.Count > 0)
        {
            s.Events.LastEventAt = todo[^1].CreatedAt;
        }

        if (givenUp > 0)
        {
            LogGivenUp(logger, SgProjectId, givenUp, cursor.GivenUp);
        }

        await state.WriteStateAsync();
        if (todo.Count > 0)
        {
            LogApplied(logger, SgProjectId, outcome.Applied, outcome.Ignored, outcome.Failed, cursor.Watermark, cursor.Backlog.Count);
        }

        return cursor.Watermark;
    }

    Task<long> IShotGridProjectGrain.GetWatermarkAsync() =>
        Task.FromResult(state.State.Cursor is { } c && state.State.AyonProjectName is not null ? c.Watermark : -1L);

    async Task IShotGridProjectGrain.OnJobFinishedAsync(SyncJobStatus status)
    {
        // The project keeps the outcome, not the job's change list: this state is written on every event poll.
        state.State.LastSync = status with { Changes = [] };
        if (state.State.RunningJobId == status.JobId)
        {
            state.State.RunningJobId = null;
        }

        await state.WriteStateAsync();
    }

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

    private async Task<PrepareResult> PrepareCoreAsync()
    {
        // No hole between the full sync and leeching: follow events from the newest one seen before the sync begins.
        var startAt = state.State.Cursor is null ? await events.NewestEventIdAsync(CancellationToken.None) : (long?)null;
        var (result, sgProject) = await preparer.PrepareAsync(SgProjectId, state.State.AyonProjectName, CancellationToken.None);
        var fieldChanges = await ayonIdField.EnsureAsync(CancellationToken.None);
        if (fieldChanges.Count > 0)
        {
            result = result with { Changes = [.. result.Changes, .. fieldChanges] };
        }

        var s = state.State;
        s.SgProjectName = sgProject.Name;
        s.AyonProjectName = result.AyonProjectName;
        s.PreparedAt = clock.UtcNow;
        s.Notes = [.. result.Notes];
        if (startAt is { } watermark)
        {
            s.Cursor = new EventCursor { Watermark = watermark, NewestSeen = watermark };
        }

        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IProjectRegistryGrain>(GrainKeys.Registry(sgOptions.Value.SiteName)).EnrollAsync(SgProjectId);
        await PushGrain.AttachAsync(result.AyonProjectName);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: {Applied} events applied, {Ignored} ignored, {Failed} failed; watermark {Watermark}, {Backlog} ids waited for")]
    private static partial void LogApplied(ILogger logger, long sgProjectId, int applied, int ignored, int failed, long watermark, int backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId}: gave up waiting for {Count} missing event ids after the settle window ({Total} in all)")]
    private static partial void LogGivenUp(ILogger logger, long sgProjectId, int count, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: the leecher applies changes to existing AYON entities: {ApplyChanges}")]
    private static partial void LogApplyChanges(ILogger logger, long sgProjectId, bool applyChanges);

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId} already has sync job {JobId} running; returning it")]
    private static partial void LogAlreadyRunning(ILogger logger, long sgProjectId, string jobId);
}
