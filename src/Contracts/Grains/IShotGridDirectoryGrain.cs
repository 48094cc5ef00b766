using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>Site-wide read questions (the list of ShotGrid projects and their links). Stateless. Key: <see cref="GrainKeys.Directory"/>.</summary>
[Alias("ayonsg.IShotGridDirectoryGrain")]
public interface IShotGridDirectoryGrain : IGrainWithStringKey
{
    [Alias("ListProjectsAsync")]
    Task<IReadOnlyList<ShotGridProjectSummary>> ListProjectsAsync();
}
