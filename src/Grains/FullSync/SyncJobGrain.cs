using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Runs one sync — from ShotGrid, or (<see cref="SyncJobStatus.ToShotGrid"/>) Sync to ShotGrid — in the background of its activation, so status calls are answered while it works.
/// A reminder registered for the job's lifetime brings it back on another silo if this one dies; the sync is
/// idempotent (matching by shotgridId, deterministic ids), so a resumed run finishes the work without duplicates.
/// An unreachable server does not fail the job (see SyncJobGrain.Outages.cs); a refusal (401, 403, 4xx) fails it at once.
/// The job's status is one record in its state (<see cref="SyncJobGrainState.Status"/>), changed with <c>with</c>.
/// </summary>
public sealed partial class SyncJobGrain(
    [PersistentState("syncjob", StorageNames.Sync)] IPersistentState<SyncJobGrainState> state,
    ProjectSynchronizer synchronizer,
    Playlists.PlaylistFullSync playlists,
    Notes.NoteFullSync noteSync,
    Push.SyncToShotGridRun toShotGrid,
    SyncClock clock,
    IOptions<SyncOptions> options,
    IOptions<ShotGridOptions> sgOptions,
    ILogger<SyncJobGrain> logger) : Grain, ISyncJobGrain, IRemindable
{
    private const string ResumeReminder = "resume";

    private Task? _run;
    private CancellationTokenSource? _stopping;

    /// <summary>The job's status as stored; only valid once the job exists.</summary>
    private SyncJobStatus Status
    {
        get => state.State.Status!;
        set => state.State.Status = value;
    }

    private bool Exists => state.State.Status is not null;

    private bool IsUnfinished => Exists && Status.State is SyncJobState.Queued or SyncJobState.Running;

    async Task<SyncJobStatus> ISyncJobGrain.StartAsync(long sgProjectId, string ayonProjectName, SyncRequest request)
    {
        if (Exists)
        {
            return Snapshot();
        }

        state.State.RequestedBy = request.RequestedBy;
        state.State.HierarchyPreset = request.HierarchyPreset;
        state.State.NotesFromShotGrid = request.NotesFromShotGrid;
        Status = new SyncJobStatus(
            this.GetPrimaryKeyString(), sgProjectId, ayonProjectName, SyncJobState.Queued, request.OverrideDifferences, "queued", 0,
            SyncCounts.Zero, [], null, clock.UtcNow, null, null, 0, [], request.DryRun, ToShotGrid: request.ToShotGrid);
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.JobResumePeriod, options.Value.JobResumePeriod);
        StartRun();
        return Snapshot();
    }

    Task<SyncJobStatus?> ISyncJobGrain.GetStatusAsync() => Task.FromResult(Exists ? Snapshot() : null);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder || _run is not null)
        {
            return;
        }

        if (!IsUnfinished)
        {
            await UnregisterResumeAsync();
            return;
        }

        // We are here because the activation that ran the job is gone (silo lost, or deactivated mid-run).
        if (Status.Attempt >= options.Value.MaxJobAttempts)
        {
            await FinishAsync(SyncJobState.Failed, $"gave up after {Status.Attempt} attempts: the job was interrupted each time (silo lost or restarted)");
            return;
        }

        LogResuming(logger, this.GetPrimaryKeyString(), Status.Attempt + 1);
        StartRun();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state.State.MoveFlatRowIntoStatus(this.GetPrimaryKeyString());

        // An unfinished job activating again lost its previous activation (silo loss, deactivation): carry on at once
        // rather than waiting for the resume reminder, which stays as the fallback.
        if (IsUnfinished && Status.Attempt < options.Value.MaxJobAttempts)
        {
            LogResuming(logger, this.GetPrimaryKeyString(), Status.Attempt + 1);
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
        Status = Status with { Attempt = Status.Attempt + 1, State = SyncJobState.Running, StartedAt = Status.StartedAt ?? clock.UtcNow, Phase = "starting" };
        await state.WriteStateAsync(cancellationToken);
        LogStarted(logger, this.GetPrimaryKeyString(), Status.SgProjectId, Status.AyonProjectName ?? "", Status.OverrideDifferences, Status.Attempt);

        SyncJobState outcome;
        string? error;
        try
        {
            var result = await RunThroughOutagesAsync(new InlineProgress<SyncProgress>(OnProgress), cancellationToken);
            Status = Status with { Counts = result.Counts, Issues = [.. result.Issues], Changes = [.. result.Changes], ChangesOmitted = result.ChangesOmitted };
            var failedNotes = result.Issues.Count(IsFailedNote);
            outcome = result.Counts.Failed == 0 && failedNotes == 0 ? SyncJobState.Succeeded : SyncJobState.Failed;
            error = result.Counts.Failed == 0
                ? failedNotes == 0 ? null : $"{failedNotes} ShotGrid notes or replies could not become AYON comments; see issues (the next sync tries them again)"
                : Status.ToShotGrid ? $"{result.Counts.Failed} of {result.Counts.Total} entities could not be written to ShotGrid (refused by ShotGrid); see issues"
                : $"{result.Counts.Failed} of {result.Counts.Total} entities could not be written to AYON (refused by AYON, or unreadable in ShotGrid); see issues";
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
            LogFailed(logger, e, this.GetPrimaryKeyString(), Status.SgProjectId);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} started for ShotGrid project {SgProjectId} → AYON '{AyonName}' (override differences: {Override}, attempt {Attempt})")]
    private static partial void LogStarted(ILogger logger, string jobId, long sgProjectId, string ayonName, bool @override, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync job {JobId} for ShotGrid project {SgProjectId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobId, long sgProjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} interrupted by deactivation; it resumes on its next activation")]
    private static partial void LogInterrupted(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} was interrupted; resuming (attempt {Attempt})")]
    private static partial void LogResuming(ILogger logger, string jobId, int attempt);
}
