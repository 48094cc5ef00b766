using AyonShotgrid.Contracts.Grains;

namespace AyonShotgrid.Contracts.Models;

/// <summary>State of one ShotGrid project grain, as the grain returns it and the gateway answers it.</summary>
/// <param name="ApplyChanges">Whether the leecher applies ShotGrid changes to existing AYON entities of this project (in effect).</param>
/// <param name="ApplyChangesSetting">The project's own setting; null = the configured default (<c>Sync:ApplyChanges</c>).</param>
/// <param name="Push">The AYON → ShotGrid direction of the project (null until the project is prepared).</param>
/// <param name="Mirror">The project's mirror of applied events into AYON's event log (null when it never had one).</param>
/// <param name="HierarchyPresetSetting">The project's own hierarchy preset ("flat", "grouped"); null = the AYON project setting / <c>Sync:HierarchyPreset</c>.</param>
/// <param name="NotesFromShotGrid">Whether ShotGrid Notes and Replies become AYON comments (in effect).</param>
/// <param name="ListPush">AYON entity lists → ShotGrid Playlists (cursor, counts, issues, last error); null until the project's push was on.</param>
/// <param name="NotesFromShotGridSetting">The project's own notes switch; null = <c>Sync:NotesFromShotGrid</c>.</param>
/// <param name="NotesToShotGrid">Whether AYON comments become ShotGrid Notes and Replies while the push is on (in effect).</param>
/// <param name="NotesToShotGridSetting">The project's own switch for that direction; null = <c>Sync:NotesToShotGrid</c>.</param>
/// <param name="CommentPush">What the AYON comment → ShotGrid note push did (null until it first ran).</param>
/// <param name="RunningPushJobId">The running "Sync to ShotGrid" job, if any.</param>
/// <param name="LastPushJob">The last "Sync to ShotGrid" job (running or finished).</param>
[GenerateSerializer, Immutable, Alias("ayonsg.project-status.v1")]
public sealed record ProjectStatus(
    long SgProjectId,
    string? SgProjectName,
    string? AyonProjectName,
    DateTimeOffset? PreparedAt,
    IReadOnlyList<string> Notes,
    string? RunningJobId,
    SyncJobStatus? LastSync,
    LeecherCursorStatus? Events,
    bool ApplyChanges = false,
    bool? ApplyChangesSetting = null,
    PushStatus? Push = null,
    string? HierarchyPresetSetting = null,
    bool NotesFromShotGrid = false,
    bool? NotesFromShotGridSetting = null,
    EventMirrorStatus? Mirror = null,
    Grains.ListPushStatus? ListPush = null,
    bool NotesToShotGrid = false,
    bool? NotesToShotGridSetting = null,
    CommentPushStatus? CommentPush = null,
    string? RunningPushJobId = null,
    SyncJobStatus? LastPushJob = null)
{
    /// <summary>The project has an AYON project.</summary>
    public bool Linked => AyonProjectName is not null;
}
