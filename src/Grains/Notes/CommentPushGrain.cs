using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// AYON comments → ShotGrid Notes for one project, beside the folder/task push (<see cref="Push.AyonPushGrain"/>), whose
/// switch and AYON project it follows, and only while the project's notes-to-ShotGrid switch is on. Non-reentrant: one
/// page at a time, in event order. The cursor moves after the page; an outage leaves it and the page is read again
/// (the pusher finds by <c>sg_ayon_id</c> what it already wrote).
/// </summary>
public sealed partial class CommentPushGrain(
    [PersistentState("commentpush", StorageNames.Sync)] IPersistentState<CommentPushGrainState> state,
    IAyonEventStream stream,
    CommentPusher pusher,
    IOptions<ShotGridOptions> sgOptions,
    IOptions<PushOptions> options,
    ILogger<CommentPushGrain> logger) : Grain, ICommentPushGrain
{
    private const int MaxPagesPerPoll = 20;
    private static readonly string[] Topics = [AyonCommentChange.TopicPattern];
    private string? _lastError;

    private long SgProjectId => GrainKeys.ParseCommentPushProjectId(this.GetPrimaryKeyString());

    private string Site => sgOptions.Value.SiteName;

    async Task<int> ICommentPushGrain.PollAsync()
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

    Task<CommentPushStatus> ICommentPushGrain.GetStatusAsync()
    {
        var s = state.State;
        return Task.FromResult(new CommentPushStatus(s.Enabled, s.Cursor, s.EventsRead, s.OwnEventsSkipped, s.Created, s.Updated, s.Deleted, s.ShotGridRequests, s.Issues.ToList(), _lastError));
    }

    private async Task<int> PollCoreAsync()
    {
        var s = state.State;
        var push = await GrainFactory.GetGrain<IAyonPushGrain>(GrainKeys.Push(Site, SgProjectId)).GetStatusAsync();
        var notesOn = push.Enabled && await GrainFactory.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(Site, SgProjectId)).GetNotesToShotGridAsync();
        if (!notesOn || push.AyonProjectName is not { } project)
        {
            if (s.Enabled || s.PushSeenOn != push.Enabled)
            {
                (s.Enabled, s.PushSeenOn) = (false, push.Enabled);
                await state.WriteStateAsync();
            }

            return 0;
        }

        if (!s.Enabled || s.AyonProjectName != project)
        {
            // Switched on with the push: start where the folder/task push started (AYON's cursor is one sequence for
            // every topic), so a comment made right after the switch is not missed. Switched on while the push was
            // already on: start at AYON's newest event. Either way comments made while it was off are not replayed.
            var pushJustOn = !s.PushSeenOn || (s.AyonProjectName is not null && s.AyonProjectName != project);
            s.AyonProjectName = project;
            s.Cursor = (pushJustOn ? push.Cursor : null) ?? await stream.NewestEventCursorAsync(project, CancellationToken.None);
            (s.Enabled, s.PushSeenOn) = (true, true);
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

            var (changes, own) = AyonCommentChange.From(events.Events);
            if (changes.Count > 0)
            {
                await PushPageAsync(project, changes);
            }

            s.Cursor = events.EndCursor ?? s.Cursor;
            s.EventsRead += events.Events.Count;
            s.OwnEventsSkipped += own;
            await state.WriteStateAsync();
            read += events.Events.Count;
            if (!events.HasNextPage)
            {
                break;
            }
        }

        return read;
    }

    private async Task PushPageAsync(string project, IReadOnlyList<AyonCommentChange> changes)
    {
        var s = state.State;
        var links = await GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(Site, SgProjectId)).GetUserLinksAsync();
        var sgUsers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (sgId, ayonName) in links)
        {
            sgUsers.TryAdd(ayonName, sgId);
        }

        var result = await pusher.PushAsync(SgProjectId, project, changes, sgUsers, CancellationToken.None);

        // The note grains learn which AYON comment each Note or Reply came from: a later edit of it in ShotGrid edits
        // that comment, and neither the leecher nor a full sync makes a second comment of it.
        foreach (var link in result.Links)
        {
            await NoteGrain(link).AdoptAsync(project, link.ActivityId, link.Text);
        }

        foreach (var link in result.Retired)
        {
            await NoteGrain(link).ApplyAsync(null);
        }

        s.Created += result.Created;
        s.Updated += result.Updated;
        s.Deleted += result.Deleted;
        s.ShotGridRequests += result.Requests;
        s.AddIssues(result.Issues);
        if (result.Created + result.Updated + result.Deleted > 0)
        {
            LogPushed(logger, SgProjectId, result.Created, result.Updated, result.Deleted, result.Requests);
        }
    }

    private INoteCommentGrain NoteGrain(CommentLink link) =>
        GrainFactory.GetGrain<INoteCommentGrain>(GrainKeys.NoteComment(Site, SgProjectId, link.ShotGridType, link.ShotGridId));

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: AYON comments pushed to ShotGrid: {Created} created, {Updated} edited, {Deleted} deleted in {Requests} ShotGrid requests")]
    private static partial void LogPushed(ILogger logger, long sgProjectId, int created, int updated, int deleted, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId}: pushing AYON comments to ShotGrid failed; the same events are tried again next poll")]
    private static partial void LogFailed(ILogger logger, Exception exception, long sgProjectId);
}
