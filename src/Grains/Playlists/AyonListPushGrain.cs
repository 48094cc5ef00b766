using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Push;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// AYON entity lists → ShotGrid Playlists for one project, beside the folder/task push (<see cref="AyonPushGrain"/>),
/// whose switch and AYON project it follows. Non-reentrant: one page at a time. Events of the cluster's own writes are
/// skipped; the lists a page names are pushed once each, as they are now, so a burst of item changes is one ShotGrid
/// write. The cursor moves after the page; an outage leaves it and the page is read again next poll.
/// </summary>
public sealed partial class AyonListPushGrain(
    [PersistentState("listpush", StorageNames.Sync)] IPersistentState<AyonListPushGrainState> state,
    IAyonEventStream stream,
    PlaylistPusher pusher,
    PlaylistRetirements retirements,
    IOptions<ShotGridOptions> sgOptions,
    IOptions<PushOptions> options,
    ILogger<AyonListPushGrain> logger) : Grain, IAyonListPushGrain
{
    private const int MaxPagesPerPoll = 20;
    private static readonly string[] Topics = ["entity_list.*"];
    private string? _lastError;

    private long SgProjectId => GrainKeys.ParseListPushProjectId(this.GetPrimaryKeyString());

    async Task<int> IAyonListPushGrain.PollAsync()
    {
        try
        {
            var read = await PollCoreAsync();
            _lastError = null;
            return read;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _lastError = e.Message;
            LogFailed(logger, e, SgProjectId);
            return 0;
        }
    }

    Task<ListPushStatus> IAyonListPushGrain.GetStatusAsync()
    {
        var s = state.State;
        return Task.FromResult(new ListPushStatus(s.Enabled, s.Cursor, s.EventsRead, s.OwnEventsSkipped, s.Created, s.Updated, s.Retired, s.Issues.ToList(), _lastError));
    }

    private async Task<int> PollCoreAsync()
    {
        var s = state.State;
        var push = await GrainFactory.GetGrain<IAyonPushGrain>(GrainKeys.Push(sgOptions.Value.SiteName, SgProjectId)).GetStatusAsync();
        if (!push.Enabled || push.AyonProjectName is not { } project)
        {
            if (s.Enabled)
            {
                s.Enabled = false;
                await state.WriteStateAsync();
            }

            return 0;
        }

        if (!s.Enabled || s.AyonProjectName != project)
        {
            // Switched on: start where the folder/task push started (AYON's event cursor is one sequence for every
            // topic), so a list made right after the switch is not missed; what changed while the push was off is not replayed.
            s.AyonProjectName = project;
            s.Cursor = push.Cursor ?? await stream.NewestEventCursorAsync(project, CancellationToken.None);
            s.Enabled = true;
            await state.WriteStateAsync();
        }

        var read = 0;
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            var events = await stream.ReadEventsAsync(project, Topics, s.Cursor, options.Value.EventPageSize, CancellationToken.None);
            if (events.Events.Count == 0)
            {
                break;
            }

            var own = events.Events.Count(PushEcho.IsOwn);
            var named = ListsOf(events, deleted: false);
            foreach (var listId in named)
            {
                var outcome = await pusher.PushAsync(SgProjectId, project, listId, CancellationToken.None);
                s.Created += outcome.Created;
                s.Updated += outcome.Updated;
                s.AddIssues(outcome.Issues);
            }

            foreach (var listId in ListsOf(events, deleted: true))
            {
                var outcome = await retirements.ListDeletedAsync(SgProjectId, project, listId, CancellationToken.None);
                s.Retired += outcome.Retired;
                s.AddIssues(outcome.Issues);
            }

            s.Cursor = events.EndCursor ?? s.Cursor;
            s.EventsRead += events.Events.Count;
            s.OwnEventsSkipped += own;
            await state.WriteStateAsync();
            read += events.Events.Count;
            if (named.Count > 0)
            {
                LogPushed(logger, SgProjectId, named.Count, own);
            }

            if (!events.HasNextPage)
            {
                break;
            }
        }

        return read;
    }

    /// <summary>The lists a page's events (other than the cluster's own) name: changed ones, or deleted ones.</summary>
    private static List<string> ListsOf(AyonEventPage events, bool deleted) => events.Events
        .Where(e => !PushEcho.IsOwn(e) && e.EntityId is not null && (e.Topic == "entity_list.deleted") == deleted)
        .Select(e => e.EntityId!).Distinct(StringComparer.Ordinal).ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: {Lists} AYON lists pushed to ShotGrid playlists; {OwnSkipped} own list events skipped")]
    private static partial void LogPushed(ILogger logger, long sgProjectId, int lists, int ownSkipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId}: pushing AYON lists to ShotGrid failed; the same events are tried again next poll")]
    private static partial void LogFailed(ILogger logger, Exception exception, long sgProjectId);
}
