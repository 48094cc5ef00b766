namespace AyonShotgrid.Grains.Entities;

/// <summary>An event that can never be applied as it is (AYON refuses the name, the parent cannot exist). Recorded and acknowledged, never retried forever.</summary>
public sealed class EntityApplyException(string message) : Exception(message);
