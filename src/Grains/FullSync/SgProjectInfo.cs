using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>A ShotGrid project's identity and hierarchy settings.</summary>
public sealed record SgProjectInfo(long Id, string Name, string? Code, Navchains Navchains, bool? AutoSync);
