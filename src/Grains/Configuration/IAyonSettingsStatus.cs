using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Configuration;

/// <summary>Registered by a host that reads settings from an AYON addon; absent otherwise.</summary>
public interface IAyonSettingsStatus
{
    AyonSettingsState Current { get; }
}
