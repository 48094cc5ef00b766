using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;

namespace AyonShotgrid.Grains.Projects;

/// <summary>The project's AYON lists → ShotGrid Playlists push, as the project status shows it beside the folder/task push.</summary>
public sealed partial class ShotGridProjectGrain
{
    /// <summary>The list push's cursor, counts, issues and last error; null for a project whose push was never on.</summary>
    private async Task<ListPushStatus?> ListPushStatusAsync() =>
        state.State.AyonProjectName is null ? null
            : await GrainFactory.GetGrain<IAyonListPushGrain>(GrainKeys.ListPush(sgOptions.Value.SiteName, SgProjectId)).GetStatusAsync() is var status
                && (status.Enabled || status.Cursor is not null) ? status : null;
}
