using AyonShotgrid.Contracts.Grains;

namespace AyonShotgrid.Grains.Projects;

/// <summary>Persisted set of linked projects of a site.</summary>
[GenerateSerializer, Alias("ayonsg.project-registry-state.v1")]
public sealed class ProjectRegistryState
{
    [Id(0)] public SortedSet<long> Projects { get; set; } = [];
}

/// <summary>Keeps the set of linked projects; calls nobody, so project grains and the leecher both may call it.</summary>
public sealed class ProjectRegistryGrain([PersistentState("registry", StorageNames.Sync)] IPersistentState<ProjectRegistryState> state) : Grain, IProjectRegistryGrain
{
    async Task IProjectRegistryGrain.EnrollAsync(long sgProjectId)
    {
        if (state.State.Projects.Add(sgProjectId))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<long>> IProjectRegistryGrain.GetProjectsAsync() => Task.FromResult<IReadOnlyList<long>>(state.State.Projects.ToList());
}
