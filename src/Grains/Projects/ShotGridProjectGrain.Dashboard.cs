using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Projects;

/// <summary>The Orleans dashboard's Grain Details page finds state through a method named <c>GetState</c>; it shows the same status the API does.</summary>
public sealed partial class ShotGridProjectGrain
{
    Task<ProjectStatus> IShotGridProjectGrain.GetState() => ((IShotGridProjectGrain)this).GetStatusAsync();
}
