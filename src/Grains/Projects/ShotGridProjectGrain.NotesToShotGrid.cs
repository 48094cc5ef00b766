using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Projects;

/// <summary>The project's AYON comments → ShotGrid Notes switch; the comment push grain asks it every poll.</summary>
public sealed partial class ShotGridProjectGrain
{

    async Task<ProjectStatus> IShotGridProjectGrain.SetNotesToShotGridAsync(bool? notesToShotGrid)
    {
        state.State.NotesToShotGrid = notesToShotGrid;
        await state.WriteStateAsync();
        LogNotesToShotGrid(logger, SgProjectId, await NotesToShotGridAsync());
        return await StatusCoreAsync();
    }

    Task<bool> IShotGridProjectGrain.GetNotesToShotGridAsync() => NotesToShotGridAsync();

    private async Task<CommentPushStatus?> CommentPushStatusAsync() => state.State.AyonProjectName is null
        ? null
        : await GrainFactory.GetGrain<ICommentPushGrain>(GrainKeys.CommentPush(sgOptions.Value.SiteName, SgProjectId)).GetStatusAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: AYON comments become ShotGrid notes (with the push on): {NotesToShotGrid}")]
    private static partial void LogNotesToShotGrid(ILogger logger, long sgProjectId, bool notesToShotGrid);
}
