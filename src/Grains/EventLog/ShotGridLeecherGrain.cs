using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// Follows one ShotGrid site's event log. A grain timer polls every <see cref="SyncOptions.PollInterval"/> (straight
/// on while pages come back full); a one-minute reminder brings the grain back after deactivation or the loss of its
/// silo. Each poll costs two ShotGrid queries however many projects are followed; the projects own their cursors.
/// </summary>
public sealed partial class ShotGridLeecherGrain(
    [PersistentState("leecher", StorageNames.Sync)] IPersistentState<ShotGridLeecherState> state,
    EventLogReader reader,
    IShotGridClient shotGrid,
    IOptions<SyncOptions> options,
    IOptions<ShotGridOptions> sgOptions,
    SyncClock clock,
    ILogger<ShotGridLeecherGrain> logger) : Grain, IShotGridLeecherGrain, IRemindable
{
    private const int MaxPagesPerPoll = 20;

    private readonly Dictionary<long, long> _watermarks = [];
    private long? _ownApiUser;
    private long _newestSeen;
    private DateTimeOffset? _lastPollAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private int _consecutiveFailures;
    private string? _waitingFor;
    private readonly AutoSyncProjects _autoSync = new(shotGrid, clock);

    Task IShotGridLeecherGrain.PollNowAsync() => PollAsync(CancellationToken.None);

    Task<LeecherStatus> IShotGridLeecherGrain.GetStatusAsync() => Task.FromResult(new LeecherStatus(
        _timer is not null,
        _watermarks.Keys.Order().ToList(),
        _watermarks.Count == 0 ? 0 : _watermarks.Values.Min(),
        _newestSeen,
        state.State.Polls,
        state.State.EventsRouted,
        _lastPollAt,
        _lastError,
        _lastErrorAt,
        _consecutiveFailures,
        _waitingFor));

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var site = sgOptions.Value.SiteName;
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            var (full, projectErrors) = await PollPageAsync(site, cancellationToken);
            _lastPollAt = clock.UtcNow;
            if (_consecutiveFailures > 0)
            {
                LogRecovered(logger, site, _consecutiveFailures);
                _consecutiveFailures = 0;
            }

            // The status shows the state of the latest poll: an error a later clean poll did not see again is over.
            if (!projectErrors)
            {
                _lastError = null;
            }

            if (!full)
            {
                break;
            }
        }
    }

    /// <summary>One round: read ids and events above the lowest project watermark, hand each project its share. Full when more is waiting; ProjectErrors when a project could not take its events.</summary>
    private async Task<(bool Full, bool ProjectErrors)> PollPageAsync(string site, CancellationToken cancellationToken)
    {
        var projects = await FollowedProjectsAsync(site);
        if (projects.Count == 0)
        {
            _waitingFor = null;
            return (false, false);
        }

        _ownApiUser ??= await shotGrid.GetApiUserIdAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var low = projects.Min(p => _watermarks[p]);
        var round = await EventRound.ReadAsync(reader, low, projects, _ownApiUser, cancellationToken);
        var (events, unreadable, maxVisible) = (round.Events, round.Unreadable, round.MaxVisible);
        foreach (var (_, bad) in unreadable)
        {
            LogUnreadable(logger, bad.Id, bad.Reason);
        }

        _newestSeen = Math.Max(_newestSeen, maxVisible);
        var now = clock.UtcNow;
        var readDone = System.Diagnostics.Stopwatch.GetTimestamp();
        var (shares, truncated) = EventRoundShares.Split(
            projects, _watermarks, events, unreadable, round.Missing, maxVisible, options.Value.EventPageSize * options.Value.EventPagesPerRound, now);
        var calls = shares.Select(async share =>
        {
            try
            {
                var watermark = await GrainFactory.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(site, share.Project)).ApplyEventsAsync(share.Batch);
                return (share.Project, Watermark: watermark, Routed: share.Batch.Events.Count, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (share.Project, Watermark: _watermarks[share.Project], Routed: 0, Error: e);
            }
        });
        string? projectsWaitFor = null;
        var projectErrors = false;
        foreach (var (project, watermark, routed, error) in await Task.WhenAll(calls))
        {
            if (error is not null)
            {
                projectsWaitFor ??= Http.ServerOutage.Of(error);
                projectErrors = true;
                _lastError = $"project {project}: {error.Message}";
                _lastErrorAt = now;
                LogProjectFailed(logger, error, project);
            }
            else if (watermark < 0)
            {
                _watermarks.Remove(project);
            }
            else
            {
                _watermarks[project] = watermark;
                state.State.EventsRouted += routed;
            }
        }

        // A project that could not take its events because a server is down keeps its cursor; say whom we wait for.
        _waitingFor = projectsWaitFor;
        if (events.Count > 0)
        {
            LogRound(logger, events.Count, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started, readDone).TotalMilliseconds, (long)System.Diagnostics.Stopwatch.GetElapsedTime(readDone).TotalMilliseconds);
        }

        state.State.Polls++;
        return (truncated || round.Capped || round.Ids.Count >= EventLogReader.IdPageSize, projectErrors);
    }

    private async Task<List<long>> FollowedProjectsAsync(string site)
    {
        var linked = await GrainFactory.GetGrain<IProjectRegistryGrain>(GrainKeys.Registry(site)).GetProjectsAsync();
        var allowed = options.Value.ProjectIds;
        var autoSync = options.Value.RequireAutoSyncField ? await _autoSync.ReadAsync(linked) : null;
        var followed = new List<long>();
        foreach (var project in linked.Where(p => (allowed.Count == 0 || allowed.Contains(p)) && (autoSync is null || autoSync.Contains(p))))
        {
            if (!_watermarks.ContainsKey(project))
            {
                var watermark = await GrainFactory.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(site, project)).GetWatermarkAsync();
                if (watermark < 0)
                {
                    continue;
                }

                _watermarks[project] = watermark;
            }

            followed.Add(project);
        }

        return followed;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leecher round: {Events} events read in {ReadMs} ms, handed to their projects and applied in {ApplyMs} ms")]
    private static partial void LogRound(ILogger logger, int events, long readMs, long applyMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling the ShotGrid event log of {Site} works again after {Failures} failed polls")]
    private static partial void LogRecovered(ILogger logger, string site, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId} could not take its events; they are delivered again next poll")]
    private static partial void LogProjectFailed(ILogger logger, Exception exception, long sgProjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid event {EventId} is not an entity event the sync can read ({Reason}); counted as malformed in its project's status, not applied")]
    private static partial void LogUnreadable(ILogger logger, long eventId, string reason);
}
