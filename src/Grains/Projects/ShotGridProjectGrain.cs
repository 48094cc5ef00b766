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
    Notes.NoteEventRouter noteRouter,
    ILogger<ShotGridProjectGrain> logger) : Grain, IShotGridProjectGrain
{
    private long SgProjectId => GrainKeys.ParseProjectId(this.GetPrimaryKeyString());

    Task<PrepareResult> IShotGridProjectGrain.PrepareAsync() => GrainErrors.Translate(PrepareCoreAsync);

    Task<SyncJobStatus> IShotGridProjectGrain.StartSyncAsync(SyncRequest request) => GrainErrors.Translate(() => StartSyncCoreAsync(request));

    private async Task<SyncJobStatus> StartSyncCoreAsync(SyncRequest request)
    {
        if (request.ToShotGrid)
        {
            return await StartPushJobAsync(request);
        }

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
        return await GrainFactory.GetGrain<ISyncJobGrain>(jobKey).StartAsync(SgProjectId, state.State.AyonProjectName!, request with { HierarchyPreset = state.State.HierarchyPreset, NotesFromShotGrid = await NotesFromShotGridAsync() });
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
            await PushStatusAsync(), s.HierarchyPreset, await NotesFromShotGridAsync(), s.NotesFromShotGrid, await MirrorStatusAsync(), await ListPushStatusAsync(),
            await NotesToShotGridAsync(), s.NotesToShotGrid, await CommentPushStatusAsync(), s.RunningPushJobId, await PushJobStatusAsync());
    }

    async Task IShotGridProjectGrain.OnJobFinishedAsync(SyncJobStatus status)
    {
        if (status.ToShotGrid)
        {
            await OnPushJobFinishedAsync(status);
            return;
        }

        // The project keeps the outcome, not the job's change list: this state is written on every event poll.
        state.State.LastSync = status with { Changes = [] };
        if (state.State.RunningJobId == status.JobId)
        {
            state.State.RunningJobId = null;
        }

        await state.WriteStateAsync();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: the leecher applies changes to existing AYON entities: {ApplyChanges}")]
    private static partial void LogApplyChanges(ILogger logger, long sgProjectId, bool applyChanges);

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId} already has sync job {JobId} running; returning it")]
    private static partial void LogAlreadyRunning(ILogger logger, long sgProjectId, string jobId);
}
