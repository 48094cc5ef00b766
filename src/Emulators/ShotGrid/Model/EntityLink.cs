namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>A link field value as written through the store API: <c>{"type": Type, "id": Id}</c>.</summary>
public sealed record EntityLink(string Type, long Id);
