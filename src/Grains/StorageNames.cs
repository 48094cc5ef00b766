namespace AyonShotgrid.Grains;

/// <summary>Grain storage provider names. One provider holds every grain's state (PostgreSQL in production, memory in a single-node run).</summary>
public static class StorageNames
{
    public const string Sync = "sync";
}
