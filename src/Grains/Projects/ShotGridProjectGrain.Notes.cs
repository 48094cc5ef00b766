using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Entities;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Projects;

/// <summary>The project's ShotGrid Notes and Replies: the per-project switch and the leecher's note events.</summary>
public sealed partial class ShotGridProjectGrain
{

    async Task<ProjectStatus> Contracts.Grains.IShotGridProjectGrain.SetNotesFromShotGridAsync(bool? notesFromShotGrid)
    {
        state.State.NotesFromShotGrid = notesFromShotGrid;
        await state.WriteStateAsync();
        LogNotesFromShotGrid(logger, SgProjectId, await NotesFromShotGridAsync());
        return await StatusCoreAsync();
    }

    /// <summary>The round's note events: applied when the project takes notes, otherwise passed over (done, ignored).</summary>
    private async Task<Notes.NoteEventRouter.Outcome> RouteNotesAsync(IReadOnlyList<EventLogItem> noteEvents, IAyonProjectIndexGrain index)
    {
        if (noteEvents.Count == 0 || !await NotesFromShotGridAsync())
        {
            return new Notes.NoteEventRouter.Outcome(0, noteEvents.Count, noteEvents.Select(e => e.Id).ToList(), null, []);
        }

        return await noteRouter.RouteAsync(GrainFactory, sgOptions.Value.SiteName, SgProjectId, state.State.AyonProjectName!, index, noteEvents, syncOptions.Value.MaxParallelEntities);
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: ShotGrid notes become AYON comments: {NotesFromShotGrid}")]
    private static partial void LogNotesFromShotGrid(ILogger logger, long sgProjectId, bool notesFromShotGrid);
}
