using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Owns one project's AYON event cursor and pushes its pages to ShotGrid. Non-reentrant: one page at a time, in event
/// order, so an entity's events are applied in order. The cursor is written after a page is pushed; a silo lost
/// mid-page replays the page, and the push finds by <c>sg_ayon_id</c> what it already created.
/// </summary>
public sealed partial class AyonPushGrain(
    [PersistentState("push", StorageNames.Sync)] IPersistentState<AyonPushGrainState> state,
    IAyonClient ayon,
    IAyonEventStream stream,
    ShotGridPusher pusher,
    PushCatalogLoader catalogs,
    IOptions<PushOptions> options,
    SyncClock clock,
    TimeProvider time,
    ILogger<AyonPushGrain> logger) : Grain, IAyonPushGrain
{
    private const int MaxRoundsPerPoll = 20;

    private PushCatalog? _catalog;
    private DateTimeOffset? _enabledReadAt;
    private string? _lastError;

    private long SgProjectId => GrainKeys.ParsePushProjectId(this.GetPrimaryKeyString());

    async Task<PushStatus> IAyonPushGrain.AttachAsync(string ayonProjectName)
    {
        if (state.State.AyonProjectName != ayonProjectName || !state.State.CursorStarted)
        {
            state.State.AyonProjectName = ayonProjectName;
            state.State.Cursor = await stream.NewestEventCursorAsync(ayonProjectName, CancellationToken.None);
            state.State.CursorStarted = true;
            _catalog = null;
            await state.WriteStateAsync();
        }

        return Status();
    }

    async Task<PushStatus> IAyonPushGrain.SetEnabledAsync(bool enabled)
    {
        var project = state.State.AyonProjectName
            ?? throw new SyncOperationException(SyncFailureKind.Invalid, "Prepare the project first: it has no AYON project to push from.");
        await stream.SetProjectAttribAsync(project, PushTargets.PushAttribute, JsonValue.Create(enabled), CancellationToken.None);
        await SetEnabledStateAsync(enabled);
        return Status();
    }

    async Task<int> IAyonPushGrain.PollAsync()
    {
        if (state.State.AyonProjectName is not { } project)
        {
            return 0;
        }

        try
        {
            var read = await PollCoreAsync(project);
            _lastError = null;
            return read;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An outage of either server leaves the cursor where it is; the next poll tries the same page again.
            _lastError = e.Message;
            LogPushFailed(logger, e, SgProjectId);
            return 0;
        }
    }

    Task<PushStatus> IAyonPushGrain.GetStatusAsync() => Task.FromResult(Status());

    private async Task<int> PollCoreAsync(string project)
    {
        await RefreshEnabledAsync(project);
        var s = state.State;
        if (!s.Enabled || IsHeldByJob())
        {
            // Not pushed: nothing is read, and the cursor moves to AYON's newest event when the push is switched on.
            // Held by a Sync to ShotGrid job: the cursor waits, and the events of the job's time are pushed after it
            // (what the job made is found by sg_ayon_id, not made twice).
            return 0;
        }

        var read = 0;
        for (var round = 0; round < MaxRoundsPerPoll; round++)
        {
            var events = await PushRoundReader.ReadAsync(stream, project, s.Cursor, options.Value.EventPageSize, options.Value.MaxEventsPerRound, CancellationToken.None);
            if (events.Events.Count == 0)
            {
                break;
            }

            _catalog ??= await catalogs.LoadAsync(SgProjectId, project, CancellationToken.None);
            var outcome = await pusher.PushAsync(project, _catalog, events.Events, CancellationToken.None);
            Record(events, outcome);
            await state.WriteStateAsync();
            read += events.Events.Count;
            if (outcome.Created + outcome.Updated > 0)
            {
                LogPushed(logger, SgProjectId, outcome.Created, outcome.Updated, outcome.Linked, outcome.Requests, outcome.OwnSkipped);
            }

            if (!events.HasNextPage)
            {
                break;
            }
        }

        return read;
    }

    private void Record(AyonEventPage events, PushOutcome outcome)
    {
        var s = state.State;
        s.Cursor = events.EndCursor ?? s.Cursor;
        s.EventsRead += events.Events.Count;
        s.OwnEventsSkipped += outcome.OwnSkipped;
        s.Created += outcome.Created;
        s.Updated += outcome.Updated;
        s.Linked += outcome.Linked;
        s.ShotGridRequests += outcome.Requests;
        s.AddIssues(outcome.Issues);
        s.AddConflicts(outcome.Conflicts);
        if (outcome.Created + outcome.Updated + outcome.Linked > 0)
        {
            s.LastPushAt = clock.UtcNow;
        }
    }

    private PushStatus Status()
    {
        var s = state.State;
        return new PushStatus(
            s.AyonProjectName, s.Enabled, s.Cursor, s.EventsRead, s.OwnEventsSkipped, s.Created, s.Updated, s.Linked, s.ShotGridRequests,
            s.Issues.ToList(), s.Conflicts.ToList(), _lastError, s.LastPushAt, IsHeldByJob() ? s.HoldingJobId : null);
    }
}
