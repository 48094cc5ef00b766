using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Events;

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
    private const string KeepAliveReminder = "keepalive";
    private const int MaxPagesPerPoll = 20;
    private const int MaxMissingTracked = 10_000;

    private readonly Dictionary<long, long> _watermarks = [];
    private IGrainTimer? _timer;
    private TimeSpan _timerPeriod;
    private long? _ownApiUser;
    private long _newestSeen;
    private DateTimeOffset? _lastPollAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private int _consecutiveFailures;
    private string? _waitingFor;
    private HashSet<long>? _autoSync;
    private HashSet<long> _autoSyncLinked = [];
    private DateTimeOffset? _autoSyncReadAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LogActivated(logger, sgOptions.Value.SiteName, RuntimeIdentity);
        if (state.State.Running)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    async Task IShotGridLeecherGrain.EnsureRunningAsync()
    {
        if (!state.State.Running)
        {
            state.State.Running = true;
            await state.WriteStateAsync();
        }

        await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.LeecherKeepAlivePeriod, options.Value.LeecherKeepAlivePeriod);
        StartTimer();
    }

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

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == KeepAliveReminder && state.State.Running)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    private void StartTimer()
    {
        _timerPeriod = options.Value.PollInterval;
        _timer ??= this.RegisterGrainTimer(
            static (self, ct) => self.TickAsync(ct),
            this,
            new GrainTimerCreationOptions(_timerPeriod, _timerPeriod) { Interleave = false, KeepAlive = true });
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var polled = false;
        try
        {
            await PollAsync(cancellationToken);
            polled = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An outage of ShotGrid must not stop the leecher: note it once per failure streak and try again next tick.
            _lastError = e.Message;
            _lastErrorAt = clock.UtcNow;
            _waitingFor = Http.ServerOutage.Of(e);
            if (_consecutiveFailures++ == 0)
            {
                LogPollFailed(logger, e, sgOptions.Value.SiteName);
            }
        }
        finally
        {
            ScheduleNextTick(polled ? System.Diagnostics.Stopwatch.GetElapsedTime(started) : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Polls start one interval apart, not one interval after the last poll ended (a grain timer's period counts from the
    /// end of its callback): an event waits at most the interval before it is read, whatever a round costs. After a
    /// failed poll the whole interval is waited. Settings re-read from AYON can change the interval while the leecher runs.
    /// </summary>
    private void ScheduleNextTick(TimeSpan pollTook)
    {
        if (_timer is null)
        {
            return;
        }

        var wanted = options.Value.PollInterval;
        if (wanted != _timerPeriod)
        {
            LogPollIntervalChanged(logger, _timerPeriod, wanted);
            _timerPeriod = wanted;
        }

        var due = wanted - pollTook;
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, wanted);
    }

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
        var ids = await reader.VisibleIdsAsync(low, cancellationToken);

        // A round reads at most Sync:EventPagesPerRound pages of tracked events: over the whole id page when the followed
        // projects' events are sparse in it (other projects' events are skipped 5,000 ids at a time), up to the last event
        // read otherwise (the rest is the next round's).
        var maxVisible = ids.Count > 0 ? ids[^1] : low;
        var (events, unreadable, readUpTo) = ids.Count > 0
            ? await reader.EventsAsync(low, maxVisible, ids.Count, projects, _ownApiUser, cancellationToken)
            : ([], [], low);
        var capped = readUpTo < maxVisible;
        if (capped)
        {
            maxVisible = readUpTo;
            ids = ids.Where(id => id <= maxVisible).ToList();
        }
        foreach (var (_, bad) in unreadable)
        {
            LogUnreadable(logger, bad.Id, bad.Reason);
        }

        _newestSeen = Math.Max(_newestSeen, maxVisible);
        var visible = new HashSet<long>(ids);
        visible.UnionWith(events.Select(e => e.Id));
        visible.UnionWith(unreadable.Select(u => u.Event.Id));
        var missing = new List<long>();
        for (var id = low + 1; id < maxVisible && missing.Count < MaxMissingTracked; id++)
        {
            if (!visible.Contains(id))
            {
                missing.Add(id);
            }
        }

        var now = clock.UtcNow;
        var readDone = System.Diagnostics.Stopwatch.GetTimestamp();
        var truncated = false;
        var siteWide = events.Where(e => e.ProjectId == 0).ToList();
        var byProject = events.Where(e => e.ProjectId != 0).GroupBy(e => e.ProjectId).ToDictionary(g => g.Key, g => g.ToList());
        if (siteWide.Count > 0)
        {
            foreach (var p in projects)
            {
                byProject[p] = [.. byProject.GetValueOrDefault(p) ?? [], .. siteWide];
                byProject[p].Sort((a, b) => a.Id.CompareTo(b.Id));
            }
        }

        var calls = projects
            .Where(p => byProject.ContainsKey(p) || _watermarks[p] < maxVisible)
            .Select(async p =>
            {
                var mine = byProject.TryGetValue(p, out var list) ? list.Where(e => e.Id > _watermarks[p]).ToList() : [];

                // Bound one call's work so it ends well inside Orleans' response timeout: a timed-out call would be
                // delivered again while the first still runs. The rest follows in the next round of this poll.
                var upTo = maxVisible;
                var most = options.Value.EventPageSize * options.Value.EventPagesPerRound;
                if (mine.Count > most)
                {
                    upTo = mine[most].Id - 1;
                    mine = mine.Take(most).ToList();
                    truncated = true;
                }

                // A malformed row that names no project (a Step row without entity) is reported to every project.
                var malformed = unreadable.Where(u => (u.ProjectId == p || u.ProjectId == 0) && u.Event.Id > _watermarks[p] && u.Event.Id <= upTo).Select(u => u.Event).ToList();
                var batch = new EventBatch(mine, upTo, missing.Where(m => m > _watermarks[p] && m <= upTo).ToList(), now, malformed);
                try
                {
                    var watermark = await GrainFactory.GetGrain<IShotGridProjectGrain>(GrainKeys.Project(site, p)).ApplyEventsAsync(batch);
                    return (Project: p, Watermark: watermark, Routed: mine.Count, Error: (Exception?)null);
                }
                catch (Exception e)
                {
                    return (Project: p, Watermark: _watermarks[p], Routed: 0, Error: e);
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
        return (truncated || capped || ids.Count >= EventLogReader.IdPageSize, projectErrors);
    }

    private async Task<List<long>> FollowedProjectsAsync(string site)
    {
        var linked = await GrainFactory.GetGrain<IProjectRegistryGrain>(GrainKeys.Registry(site)).GetProjectsAsync();
        var allowed = options.Value.ProjectIds;
        var autoSync = options.Value.RequireAutoSyncField ? await AutoSyncProjectsAsync(linked) : null;
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

    /// <summary>
    /// Projects whose ShotGrid checkbox <c>sg_ayon_auto_sync</c> is set, re-read once a minute and whenever a project
    /// was linked since the last read; null (no narrowing) when the site does not have the field.
    /// </summary>
    private async Task<HashSet<long>?> AutoSyncProjectsAsync(IReadOnlyList<long> linked)
    {
        if (_autoSyncReadAt is { } readAt && clock.UtcNow - readAt < TimeSpan.FromMinutes(1) && linked.All(_autoSyncLinked.Contains))
        {
            return _autoSync;
        }

        _autoSyncLinked = [.. linked];

        try
        {
            var records = await shotGrid.SearchAllAsync("Project", SgFilter.And().Where("sg_ayon_auto_sync", "is", true), ["id"], CancellationToken.None);
            _autoSync = records.Select(r => r.Id).ToHashSet();
        }
        catch (ShotGridException e) when (e.Status == System.Net.HttpStatusCode.BadRequest)
        {
            // The site has no such field: Sync:RequireAutoSyncField cannot narrow anything.
            _autoSync = null;
        }

        _autoSyncReadAt = clock.UtcNow;
        return _autoSync;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leecher round: {Events} events read in {ReadMs} ms, handed to their projects and applied in {ApplyMs} ms")]
    private static partial void LogRound(ILogger logger, int events, long readMs, long applyMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leecher poll interval changed from {Old} to {New}")]
    private static partial void LogPollIntervalChanged(ILogger logger, TimeSpan old, TimeSpan @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leecher of ShotGrid site {Site} active on silo {Silo}")]
    private static partial void LogActivated(ILogger logger, string site, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the ShotGrid event log of {Site} failed; retrying every poll interval until it answers")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string site);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling the ShotGrid event log of {Site} works again after {Failures} failed polls")]
    private static partial void LogRecovered(ILogger logger, string site, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId} could not take its events; they are delivered again next poll")]
    private static partial void LogProjectFailed(ILogger logger, Exception exception, long sgProjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid event {EventId} is not an entity event the sync can read ({Reason}); counted as malformed in its project's status, not applied")]
    private static partial void LogUnreadable(ILogger logger, long eventId, string reason);
}
