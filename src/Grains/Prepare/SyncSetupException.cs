namespace AyonShotgrid.Grains.Prepare;

/// <summary>The two servers are in a state the sync will not guess its way out of (e.g. the AYON project is linked to another ShotGrid project).</summary>
public sealed class SyncSetupException(string message) : Exception(message);
