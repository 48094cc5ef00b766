using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Projects;

/// <summary>
/// The project's own settings: whether the leecher applies changes, the hierarchy preset, and the AYON → ShotGrid push
/// (switched and reported through the project's push grain).
/// </summary>
public sealed partial class ShotGridProjectGrain
{
    /// <summary>The push grain's status; a project prepared before the push existed is attached to it here (the push grain never calls back).</summary>
    private async Task<PushStatus?> PushStatusAsync()
    {
        if (state.State.AyonProjectName is not { } ayonName)
        {
            return null;
        }

        var push = PushGrain;
        var status = await push.GetStatusAsync();
        if (status.AyonProjectName == ayonName)
        {
            return status;
        }

        try
        {
            return await push.AttachAsync(ayonName);
        }
        catch (Exception e) when (e is Ayon.AyonException or HttpRequestException or TimeoutException)
        {
            // Attaching reads AYON's newest event; AYON being away must not take the project status down with it.
            return status with { LastError = e.Message };
        }
    }

    private IAyonPushGrain PushGrain => GrainFactory.GetGrain<IAyonPushGrain>(GrainKeys.Push(sgOptions.Value.SiteName, SgProjectId));

    Task<ProjectStatus> IShotGridProjectGrain.SetPushAsync(bool pushToShotGrid) => GrainErrors.Translate(() => SetPushCoreAsync(pushToShotGrid));

    private async Task<ProjectStatus> SetPushCoreAsync(bool pushToShotGrid)
    {
        if (state.State.AyonProjectName is not { } ayonName)
        {
            throw new SyncOperationException(SyncFailureKind.Invalid, "Prepare the project first: it has no AYON project to push from.");
        }

        await PushGrain.AttachAsync(ayonName);
        await PushGrain.SetEnabledAsync(pushToShotGrid);
        return await ((IShotGridProjectGrain)this).GetStatusAsync();
    }

    private bool ApplyChanges => state.State.ApplyChanges ?? syncOptions.Value.ApplyChanges;

    async Task<ProjectStatus> IShotGridProjectGrain.SetApplyChangesAsync(bool? applyChanges)
    {
        state.State.ApplyChanges = applyChanges;
        await state.WriteStateAsync();
        LogApplyChanges(logger, SgProjectId, ApplyChanges);
        return await StatusCoreAsync();
    }

    async Task<ProjectStatus> IShotGridProjectGrain.SetHierarchyPresetAsync(string? hierarchyPreset)
    {
        if (hierarchyPreset is not null && !Mapping.HierarchyPreset.TryParseName(hierarchyPreset, out _))
        {
            throw new SyncOperationException(SyncFailureKind.Invalid, $"hierarchyPreset must be '{Mapping.HierarchyPreset.FlatName}', '{Mapping.HierarchyPreset.GroupedName}' or null, not '{hierarchyPreset}'.");
        }

        state.State.HierarchyPreset = hierarchyPreset;
        await state.WriteStateAsync();
        return await ((IShotGridProjectGrain)this).GetStatusAsync();
    }
}
