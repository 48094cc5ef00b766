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
/// <param name="NotesToShotGrid">AYON comments of the project become ShotGrid Notes and Replies while pushToShotGrid is on; a switch like notesFromShotGrid.</param>
public sealed record ProjectSettingsBody(bool? ApplyChanges, bool? PushToShotGrid = null, string? HierarchyPreset = null, bool? NotesFromShotGrid = null, bool? NotesToShotGrid = null);

/// <summary>Body of POST /api/shotgrid/projects/{id}/push (optional).</summary>
/// <param name="DryRun">Only list what would be created in ShotGrid (the job's changes, capped and counted); write nothing.</param>
/// <param name="RequestedBy">Free text for the log and the job status.</param>
public sealed record PushRequestBody(bool DryRun = false, string? RequestedBy = null);

/// <summary>Answer of POST …/sync and …/push: the job and where to follow it.</summary>
public sealed record SyncStarted(string JobId, string StatusUrl, SyncJobStatus Job);

/// <summary>
/// A job and a project as the API shows them: the grains' own status records, serialized as they are, with job ids in
/// their public form (the 32-character id of /api/jobs/{jobId}) and the job's change list never null. A member added
/// to <see cref="SyncJobStatus"/> or <see cref="ProjectStatus"/> shows here without an edit (ApiShapeTests pins the names).
/// </summary>
public static class ApiViews
{
    public static SyncJobStatus ForApi(this SyncJobStatus job) =>
        job with { JobId = JobIds.ToPublic(job.JobId), Changes = job.Changes ?? [] };

    public static ProjectStatus ForApi(this ProjectStatus project) =>
        project with
        {
            RunningJobId = project.RunningJobId is null ? null : JobIds.ToPublic(project.RunningJobId), LastSync = project.LastSync?.ForApi(),
            RunningPushJobId = project.RunningPushJobId is null ? null : JobIds.ToPublic(project.RunningPushJobId), LastPushJob = project.LastPushJob?.ForApi(),
        };
}

/// <summary>A row of GET /api/shotgrid/projects.</summary>
public sealed record ProjectListItem(long SgProjectId, string Name, string? Code, bool Linked, string? AyonProjectName, string? LastSyncState, DateTimeOffset? LastSyncFinishedAt)
{
    public static ProjectListItem From(ShotGridProjectSummary s) =>
        new(s.SgProjectId, s.Name, s.Code, s.Linked, s.AyonProjectName, s.LastSyncState?.ToString().ToLowerInvariant(), s.LastSyncFinishedAt);
}
