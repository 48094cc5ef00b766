namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// Which projects of a site are linked (prepared or synced) and therefore followed by the leecher.
/// Never calls other grains, so project grains and the leecher can both call it without a cycle. Key: <see cref="GrainKeys.Registry"/>.
/// </summary>
[Alias("ayonsg.IProjectRegistryGrain")]
public interface IProjectRegistryGrain : IGrainWithStringKey
{
    [Alias("EnrollAsync")]
    Task EnrollAsync(long sgProjectId);

    [Alias("GetProjectsAsync")]
    Task<IReadOnlyList<long>> GetProjectsAsync();
}
