namespace AyonShotgrid.Grains.FullSync;

/// <summary>A sync job waited for an unreachable server longer than Sync:MaxOutage. The message says which server and for how long.</summary>
public sealed class OutageGaveUpException(string message, Exception inner) : Exception(message, inner);
