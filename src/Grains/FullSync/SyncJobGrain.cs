using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.Http;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Runs one sync in the background of its activation, so status calls are answered while it works.
/// A reminder registered for the job's lifetime brings it back on another silo if this one dies; the sync is
/// idempotent (matching by shotgridId, deterministic ids), so a resumed run finishes the work without duplicates.
/// An unreachable server does not fail the job: it says "waiting for AYON" (or ShotGrid) and runs the sync again with
/// backoff until the server answers, up to <see cref="SyncOptions.MaxOutage"/>. A refusal (401, 403, 4xx) fails it at once.
/// </summary>
public sealed partial class SyncJobGrain(
    [PersistentState("syncjob", StorageNames.Sync)] IPersistentState<SyncJobGrainState> state,
    ProjectSynchronizer synchronizer,
    Playlists.PlaylistFullSync playlists,
    SyncClock clock,
    IOptions<SyncOptions> options,
    IOptions<ShotGridOptions> sgOptions,
    ILogger<SyncJobGrain> logger) : Grain, ISyncJobGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private static readonly TimeSpan ProgressWriteInterval = TimeSpan.FromSeconds(2);
    private const int NotifyAttempts = 30;

    private Task? _run;
    private CancellationTokenSource? _stopping;
    private DateTimeOffset _lastWrite;

    async Task<SyncJobStatus> ISyncJobGrain.StartAsync(long sgProjectId, string ayonProjectName, SyncRequest request)
    {
        if (state.State.Exists)
        {
            return Snapshot();
        }

        var s = state.State;
        s.Exists = true;
        s.SgProjectId = sgProjectId;
        s.AyonProjectName = ayonProjectName;
        s.OverrideDifferences = request.OverrideDifferences;
        s.DryRun = request.DryRun;
        s.HierarchyPreset = request.HierarchyPreset;
        s.RequestedBy = request.RequestedBy;
        s.State = SyncJobState.Queued;
        s.CreatedAt = clock.UtcNow;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.JobResumePeriod, options.Value.JobResumePeriod);
        StartRun();
        return Snapshot();
    }

    Task<SyncJobStatus?> ISyncJobGrain.GetStatusAsync() => Task.FromResult(state.State.Exists ? Snapshot() : null);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder || _run is not null)
        {
            return;
        }

        if (!state.State.Exists || state.State.State is SyncJobState.Succeeded or SyncJobState.Failed)
        {
            await UnregisterResumeAsync();
            return;
        }

        // We are here because the activation that ran the job is gone (silo lost, or deactivated mid-run).
        if (state.State.Attempt >= options.Value.MaxJobAttempts)
        {
            await FinishAsync(SyncJobState.Failed, $"gave up after {state.State.Attempt} attempts: the job was interrupted each time (silo lost or restarted)");
            return;
        }

        LogResuming(logger, this.GetPrimaryKeyString(), state.State.Attempt + 1);
        StartRun();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An unfinished job activating again lost its previous activation (silo loss, deactivation): carry on at once
        // rather than waiting for the resume reminder, which stays as the fallback.
        if (state.State.Exists && state.State.State is SyncJobState.Queued or SyncJobState.Running && state.State.Attempt < options.Value.MaxJobAttempts)
        {
            LogResuming(logger, this.GetPrimaryKeyString(), state.State.Attempt + 1);
            StartRun();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { IsCompleted: false } run)
        {
            _stopping?.Cancel();
            await run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void StartRun()
    {
        _stopping = new CancellationTokenSource();
        _run = RunAsync(_stopping.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Yield first so the call that started the job returns before the work begins.
        await Task.Yield();
        var s = state.State;
        s.Attempt++;
        s.State = SyncJobState.Running;
        s.StartedAt ??= clock.UtcNow;
        s.Phase = "starting";
        await state.WriteStateAsync(cancellationToken);
        LogStarted(logger, this.GetPrimaryKeyString(), s.SgProjectId, s.AyonProjectName ?? "", s.OverrideDifferences, s.Attempt);

        SyncJobState outcome;
        string? error;
        try
        {
            var progress = new InlineProgress<SyncProgress>(OnProgress);
            var result = await RunThroughOutagesAsync(progress, cancellationToken);
            s.Counts = result.Counts;
            s.Issues = [.. result.Issues];
            s.Changes = [.. result.Changes];
            s.ChangesOmitted = result.ChangesOmitted;
            outcome = result.Counts.Failed == 0 ? SyncJobState.Succeeded : SyncJobState.Failed;
            error = result.Counts.Failed == 0 ? null : $"{result.Counts.Failed} of {result.Counts.Total} entities could not be written to AYON (refused by AYON, or unreadable in ShotGrid); see issues";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating: the reminder (or the next status call) resumes the job on its next activation.
            LogInterrupted(logger, this.GetPrimaryKeyString());
            _run = null;
            return;
        }
        catch (Exception e)
        {
            LogFailed(logger, e, this.GetPrimaryKeyString(), s.SgProjectId);
            outcome = SyncJobState.Failed;
            error = e is OutageGaveUpException ? e.Message : Projects.GrainErrors.Describe(e)?.Message ?? $"unexpected error: {e.Message}";
        }

        try
        {
            // Only the sync decides the outcome; telling the project about it afterwards cannot change it.
            await FinishAsync(outcome, error);
        }
        finally
        {
            _run = null;
        }
    }

    /// <summary>
    /// The leecher takes in the project settings this sync ran with (a changed hierarchy preset) from now on. Best effort:
    /// it cannot change what the sync did, and when the call fails because the index's silo is gone, the index's next
    /// activation loads the project afresh anyway (a failover drill saw ConnectionFailedException here fail a finished job).
    /// </summary>
    private async Task ReloadLeecherIndexAsync()
    {
        try
        {
            await GrainFactory.GetGrain<Entities.IAyonProjectIndexGrain>(GrainKeys.AyonIndex(sgOptions.Value.SiteName, state.State.SgProjectId)).ReloadIfAttachedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogIndexReloadFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    /// <summary>
    /// Runs the sync; while a server is unreachable, waits with backoff and runs it again (the sync is idempotent, so a
    /// run cut short by the outage is finished by the next one without duplicates).
    /// </summary>
    private async Task<SyncOutcome> RunThroughOutagesAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken)
    {
        var s = state.State;
        var answers = new ServerAnswers(clock);
        for (var retry = 0; ; retry++)
        {
            try
            {
                using var tracking = answers.Track();
                var result = await synchronizer.RunAsync(s.SgProjectId, s.AyonProjectName!, s.OverrideDifferences, s.DryRun, progress, cancellationToken, s.HierarchyPreset);
                if (!s.DryRun)
                {
                    // Playlists after the hierarchy: their lists hold versions, which live under the folders.
                    var playlistIssues = await playlists.RunAsync(GrainFactory, sgOptions.Value.SiteName, s.SgProjectId, s.AyonProjectName!, cancellationToken);
                    result = result with { Issues = [.. result.Issues, .. playlistIssues] };
                    await ReloadLeecherIndexAsync();
                }

                if (s.WaitingFor is { } server)
                {
                    LogServerBack(logger, this.GetPrimaryKeyString(), server, clock.UtcNow - (s.WaitingSince ?? clock.UtcNow));
                }

                s.WaitingFor = null;
                s.WaitingSince = null;
                return result;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && ServerOutage.Of(e) is { } server)
            {
                var now = clock.UtcNow;
                s.WaitingSince ??= now;

                // The outage counts from the job's last progress (a write AYON accepted), not from any answer: see ServerAnswers.
                if (answers.LastProgress is { } progressed && progressed > s.WaitingSince)
                {
                    s.WaitingSince = progressed;
                }

                var waited = now - s.WaitingSince.Value;
                var reason = Projects.GrainErrors.Describe(e)?.Message ?? e.Message;
                if (waited >= options.Value.MaxOutage)
                {
                    s.WaitingFor = null;
                    throw new OutageGaveUpException(
                        $"{server} failed this job for {waited.TotalMinutes:0.#} min: no progress (no write accepted by AYON) since {s.WaitingSince.Value:u}, longer than Sync:MaxOutage ({options.Value.MaxOutage}); last answer: {reason}", e);
                }

                if (s.WaitingFor != server)
                {
                    LogWaiting(logger, this.GetPrimaryKeyString(), server, reason);
                }

                s.WaitingFor = server;
                s.Phase = $"waiting for {server} (no progress for {waited.TotalMinutes:0} min; gives up after {options.Value.MaxOutage.TotalMinutes:0} min); last answer: {reason}";
                DelayDeactivation(TimeSpan.FromMinutes(5));
                await state.WriteStateAsync(cancellationToken);
                await Task.Delay(OutageBackoff(retry), cancellationToken);
            }
        }
    }

    /// <summary>1 s doubling up to Sync:OutageRetryInterval, with jitter so jobs waiting on the same server spread out.</summary>
    private TimeSpan OutageBackoff(int retry)
    {
        var cap = options.Value.OutageRetryInterval;
        var step = Math.Min(cap.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(retry, 16)));
        return TimeSpan.FromMilliseconds((step / 2) + (step / 2 * Random.Shared.NextDouble()));
    }

    private void OnProgress(SyncProgress p)
    {
        var s = state.State;
        s.Phase = p.Phase;
        s.ProgressPercent = Math.Max(s.ProgressPercent, Math.Min(p.Percent, 99));
        if (p.Counts.Total > 0)
        {
            s.Counts = p.Counts;
            s.Issues = [.. p.Issues];
        }

        // Keep the activation alive while it works (idle activations are collected after 15 minutes), and log progress now and then.
        DelayDeactivation(TimeSpan.FromMinutes(5));
        var now = clock.UtcNow;
        if (now - _lastWrite >= ProgressWriteInterval)
        {
            _lastWrite = now;
            LogProgress(logger, this.GetPrimaryKeyString(), s.Phase, s.ProgressPercent, s.Counts.Done, s.Counts.Total);
        }
    }

    private async Task FinishAsync(SyncJobState outcome, string? error)
    {
        var s = state.State;
        s.State = outcome;
        s.Error = error;
        s.WaitingFor = null;
        s.Phase = outcome == SyncJobState.Succeeded ? "done" : "failed";
        s.ProgressPercent = 100;
        s.FinishedAt = clock.UtcNow;
        await state.WriteStateAsync();
        await UnregisterResumeAsync();
        LogFinished(logger, this.GetPrimaryKeyString(), outcome, s.Counts.Created, s.Counts.AlreadyPresent, s.Counts.Failed);
        await NotifyProjectAsync();
    }

    /// <summary>
    /// Tells the project grain the job ended. Retried for a while: right after a silo dies, calls to grains it hosted
    /// fail until the cluster has declared it dead. Giving up is harmless — the project also reads the outcome from
    /// this grain (its running job) when asked — so it is only logged.
    /// </summary>
    private async Task NotifyProjectAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GrainFactory.GetGrain<IShotGridProjectGrain>(ProjectKey()).OnJobFinishedAsync(Snapshot());
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && attempt < NotifyAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                LogNotifyFailed(logger, e, this.GetPrimaryKeyString());
                return;
            }
        }
    }

    private string ProjectKey() => GrainKeys.Project(sgOptions.Value.SiteName, state.State.SgProjectId);

    private async Task UnregisterResumeAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private SyncJobStatus Snapshot()
    {
        var s = state.State;
        return new SyncJobStatus(
            this.GetPrimaryKeyString(), s.SgProjectId, s.AyonProjectName, s.State, s.OverrideDifferences, s.Phase, s.ProgressPercent,
            s.Counts, s.Issues.ToList(), s.Error, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Attempt, s.Changes.ToList(), s.DryRun, s.ChangesOmitted, s.WaitingFor, s.WaitingFor is null ? null : s.WaitingSince);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} started for ShotGrid project {SgProjectId} → AYON '{AyonName}' (override differences: {Override}, attempt {Attempt})")]
    private static partial void LogStarted(ILogger logger, string jobId, long sgProjectId, string ayonName, bool @override, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId}: {Phase}, {Percent}% ({Done}/{Total} entities)")]
    private static partial void LogProgress(ILogger logger, string jobId, string phase, int percent, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} {Outcome}: {Created} created, {Present} already present, {Failed} failed")]
    private static partial void LogFinished(ILogger logger, string jobId, SyncJobState outcome, int created, int present, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync job {JobId} for ShotGrid project {SgProjectId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobId, long sgProjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} interrupted by deactivation; it resumes on its next activation")]
    private static partial void LogInterrupted(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} could not tell its project grain that it ended; the project reads the outcome from the job instead")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} is waiting for {Server}, which is unreachable: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string jobId, string server, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId}: {Server} answers again after {Waited}; the job carries on")]
    private static partial void LogServerBack(ILogger logger, string jobId, string server, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} could not ask the leecher's project index to reload; it reloads on its next activation or Step event")]
    private static partial void LogIndexReloadFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} was interrupted; resuming (attempt {Attempt})")]
    private static partial void LogResuming(ILogger logger, string jobId, int attempt);
}
