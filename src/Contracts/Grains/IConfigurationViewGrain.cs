using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// The configuration a silo runs with, as its options hold it now, with where each value came from and secrets masked.
/// Stateless: answered by the silo it activates on (all silos of a deployment share one configuration).
/// Key: <see cref="GrainKeys.ConfigurationView"/>.
/// </summary>
[Alias("ayonsg.IConfigurationViewGrain")]
public interface IConfigurationViewGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<EffectiveConfiguration> GetAsync();
}
