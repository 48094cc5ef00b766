using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Gateway.Api;

/// <summary>Body of POST /api/shotgrid/projects/{id}/sync (optional).</summary>
/// <param name="OverrideDifferences">Also update existing AYON entities whose label, status, task type, mapped attributes or parent differ from ShotGrid.</param>
/// <param name="DryRun">Only plan: the job lists what it would create and change, and writes nothing.</param>
public sealed record SyncRequestBody(bool OverrideDifferences = false, string? RequestedBy = null, bool DryRun = false);

/// <summary>Body of PUT /api/shotgrid/projects/{id}/settings.</summary>
/// <param name="ApplyChanges">The leecher applies ShotGrid changes to existing AYON entities of the project; null = the configured default (Sync:ApplyChanges).</param>
/// <param name="PushToShotGrid">Push what is created and changed in the AYON project to ShotGrid (the AYON project attribute shotgridPush). A body with only this member leaves the other settings as they are.</param>
/// <param name="HierarchyPreset">"flat" or "grouped" for this project; null = the AYON project setting (hierarchy_preset) / Sync:HierarchyPreset. Otherwise a PUT sets applyChanges and hierarchyPreset both (one left out returns to its default).</param>
/// <param name="NotesFromShotGrid">ShotGrid Notes and Replies of the project become AYON comments (leecher and full sync); like pushToShotGrid, a body with only the switches leaves the other settings as they are.</param>
public sealed record ProjectSettingsBody(bool? ApplyChanges, bool? PushToShotGrid = null, string? HierarchyPreset = null, bool? NotesFromShotGrid = null);

/// <summary>Body of POST /api/shotgrid/projects/{id}/push (optional).</summary>
/// <param name="DryRun">Only list what would be created in ShotGrid; write nothing.</param>
public sealed record PushRequestBody(bool DryRun = false);

/// <summary>Answer of POST …/sync: the job and where to follow it.</summary>
public sealed record SyncStarted(string JobId, string StatusUrl, JobView Job);

/// <summary>A sync job as the API shows it.</summary>
/// <param name="WaitingFor">"AYON" or "ShotGrid" while the job waits for that server to answer again (state stays "running").</param>
public sealed record JobView(
    string JobId,
    long SgProjectId,
    string? AyonProjectName,
    string State,
    bool OverrideDifferences,
    string Phase,
    int ProgressPercent,
    SyncCounts Counts,
    IReadOnlyList<SyncIssue> Issues,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempt,
    bool DryRun,
    IReadOnlyList<SyncChange> Changes,
    int ChangesOmitted,
    string? WaitingFor,
    DateTimeOffset? WaitingSince)
{
    public static JobView From(SyncJobStatus s) => new(
        JobIds.ToPublic(s.JobId), s.SgProjectId, s.AyonProjectName, s.State.ToString().ToLowerInvariant(), s.OverrideDifferences, s.Phase,
        s.ProgressPercent, s.Counts, s.Issues, s.Error, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Attempt, s.DryRun, s.Changes ?? [], s.ChangesOmitted, s.WaitingFor, s.WaitingSince);
}

/// <summary>A project grain's state as the API shows it.</summary>
public sealed record ProjectView(
    long SgProjectId,
    string? SgProjectName,
    string? AyonProjectName,
    bool Linked,
    DateTimeOffset? PreparedAt,
    IReadOnlyList<string> Notes,
    string? RunningJobId,
    JobView? LastSync,
    LeecherCursorStatus? Events,
    bool ApplyChanges,
    bool? ApplyChangesSetting,
    PushStatus? Push,
    string? HierarchyPresetSetting,
    bool NotesFromShotGrid,
    bool? NotesFromShotGridSetting,
    EventMirrorStatus? Mirror)
{
    public static ProjectView From(ProjectStatus s) => new(
        s.SgProjectId, s.SgProjectName, s.AyonProjectName, s.AyonProjectName is not null, s.PreparedAt, s.Notes,
        s.RunningJobId is null ? null : JobIds.ToPublic(s.RunningJobId), s.LastSync is null ? null : JobView.From(s.LastSync), s.Events,
        s.ApplyChanges, s.ApplyChangesSetting, s.Push, s.HierarchyPresetSetting, s.NotesFromShotGrid, s.NotesFromShotGridSetting, s.Mirror);
}

/// <summary>A row of GET /api/shotgrid/projects.</summary>
public sealed record ProjectListItem(long SgProjectId, string Name, string? Code, bool Linked, string? AyonProjectName, string? LastSyncState, DateTimeOffset? LastSyncFinishedAt)
{
    public static ProjectListItem From(ShotGridProjectSummary s) =>
        new(s.SgProjectId, s.Name, s.Code, s.Linked, s.AyonProjectName, s.LastSyncState?.ToString().ToLowerInvariant(), s.LastSyncFinishedAt);
}
