namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>A ShotGrid entity link: <c>{"type": "Shot", "id": 123, "name": "sh010"}</c> (name only on reads).</summary>
public sealed record SgEntityRef(string Type, long Id, string? Name = null);
