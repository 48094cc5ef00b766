namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>The HumanUser or ApiUser recorded as an event's <c>user</c>.</summary>
public sealed record StoreActor(string Type, long Id);
