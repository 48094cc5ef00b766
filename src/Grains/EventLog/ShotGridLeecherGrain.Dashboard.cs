using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>The Orleans dashboard's Grain Details page finds state through a method named <c>GetState</c>; it shows the same status the API does.</summary>
public sealed partial class ShotGridLeecherGrain
{
    Task<LeecherStatus> IShotGridLeecherGrain.GetState() => ((IShotGridLeecherGrain)this).GetStatusAsync();
}
