using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>The notes step of a full sync: after the entities exist, the project's ShotGrid notes become AYON comments.</summary>
public sealed partial class SyncJobGrain
{
    public const string NotesPhase = "notes: ShotGrid notes and replies to AYON comments";

    private async Task<SyncOutcome> SyncNotesAsync(SyncOutcome result, CancellationToken cancellationToken)
    {
        var site = sgOptions.Value.SiteName;
        async Task<Entities.IAyonProjectIndexGrain> AttachIndexAsync()
        {
            var index = GrainFactory.GetGrain<Entities.IAyonProjectIndexGrain>(GrainKeys.AyonIndex(site, Status.SgProjectId));
            await index.AttachAsync(Status.AyonProjectName!, state.State.HierarchyPreset);
            return index;
        }

        // Its own phase, so the sync page (and the benchmark) can tell the notes step from the hierarchy before it.
        Status = Status with { Phase = NotesPhase };
        var notes = await noteSync.RunAsync(GrainFactory, site, Status.SgProjectId, Status.AyonProjectName!, AttachIndexAsync, options.Value.MaxParallelEntities, cancellationToken);
        LogNotesSynced(logger, this.GetPrimaryKeyString(), notes.Notes, notes.Replies, notes.Created, notes.Updated, notes.Errors.Count);

        // A note that could not be written is reported like an entity that could not; the rest of the notes went in.
        // A note that could not be written fails the job (a person must not read "succeeded" with a comment missing).
        var issues = notes.Errors.Select(e => new SyncIssue(SyncIssueKinds.Failed, NoteIssueType, 0, "", e)).ToList();
        return issues.Count == 0 ? result : result with { Issues = [.. result.Issues, .. issues] };
    }

    private const string NoteIssueType = "Note";

    private static bool IsFailedNote(SyncIssue issue) => issue is { Kind: SyncIssueKinds.Failed, EntityType: NoteIssueType };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId}: {Notes} ShotGrid notes and {Replies} replies read; {Created} AYON comments created, {Updated} updated, {Failed} failed")]
    private static partial void LogNotesSynced(ILogger logger, string jobId, int notes, int replies, int created, int updated, int failed);
}
