using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One ShotGrid project: owns the link to its AYON project, the last sync result, the running job and
/// (with the leecher) the project's event cursor. Key: <see cref="GrainKeys.Project"/>.
/// </summary>
[Alias("ayonsg.IShotGridProjectGrain")]
public interface IShotGridProjectGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the AYON project exists with everything the sync needs. Idempotent.</summary>
    [Alias("PrepareAsync")]
    Task<PrepareResult> PrepareAsync();

    /// <summary>
    /// Starts a sync job (or returns the one already running) and answers at once. With <see cref="SyncRequest.ToShotGrid"/>:
    /// a Sync to ShotGrid job, refused (<see cref="SyncFailureKind.Conflict"/>) while the project's push is off.
    /// </summary>
    [Alias("StartSyncAsync")]
    Task<SyncJobStatus> StartSyncAsync(SyncRequest request);

    [Alias("GetStatusAsync")]
    Task<ProjectStatus> GetStatusAsync();

    /// <summary>
    /// Same as <see cref="GetStatusAsync"/> for a caller asking about this id: fails with
    /// <see cref="SyncFailureKind.NotFound"/> when nothing was ever done for it and ShotGrid has no such project.
    /// </summary>
    [Alias("GetExistingStatusAsync")]
    Task<ProjectStatus> GetExistingStatusAsync();

    /// <summary>Same as <see cref="GetStatusAsync"/>; the Orleans dashboard shows grain state by calling a parameterless method named exactly <c>GetState</c>.</summary>
    [Alias("GetState")]
    Task<ProjectStatus> GetState();

    /// <summary>Applies one poll's events to the project's entities and moves the cursor; returns the new watermark.</summary>
    [Alias("ApplyEventsAsync")]
    Task<long> ApplyEventsAsync(EventBatch batch);

    /// <summary>Watermark of the project's event cursor (every event id at or below it is done); -1 when the project is not linked.</summary>
    [Alias("GetWatermarkAsync")]
    Task<long> GetWatermarkAsync();

    /// <summary>Sets whether the leecher applies changes to existing AYON entities of this project; null returns to the configured default.</summary>
    [Alias("SetApplyChangesAsync")]
    Task<ProjectStatus> SetApplyChangesAsync(bool? applyChanges);

    /// <summary>Switches the AYON → ShotGrid push of this project on or off (the AYON project attribute <c>shotgridPush</c>).</summary>
    [Alias("SetPushAsync")]
    Task<ProjectStatus> SetPushAsync(bool pushToShotGrid);

    /// <summary>
    /// Sets the project's hierarchy preset ("flat", "grouped"); null returns to the AYON project setting. Takes effect with
    /// the next full sync (existing folders move only in one with override differences).
    /// </summary>
    [Alias("SetHierarchyPresetAsync")]
    Task<ProjectStatus> SetHierarchyPresetAsync(string? hierarchyPreset);

    /// <summary>Sets whether ShotGrid Notes and Replies of this project become AYON comments; null returns to <c>Sync:NotesFromShotGrid</c>.</summary>
    [Alias("SetNotesFromShotGridAsync")]
    Task<ProjectStatus> SetNotesFromShotGridAsync(bool? notesFromShotGrid);

    /// <summary>Sets whether AYON comments of this project become ShotGrid Notes (with the push on); null returns to <c>Sync:NotesToShotGrid</c>.</summary>
    [Alias("SetNotesToShotGridAsync")]
    Task<ProjectStatus> SetNotesToShotGridAsync(bool? notesToShotGrid);

    /// <summary>Whether AYON comments of this project become ShotGrid Notes now (asked by the comment push each poll).</summary>
    [Alias("GetNotesToShotGridAsync"), Orleans.Concurrency.AlwaysInterleave]
    Task<bool> GetNotesToShotGridAsync();

    /// <summary>Called by the job grain when a job ends, so the project records the outcome.</summary>
    [Alias("OnJobFinishedAsync")]
    Task OnJobFinishedAsync(SyncJobStatus status);
}
