namespace AyonShotgrid.Persistence;

/// <summary>Placeholder until the PostgreSQL provider lands.</summary>
internal static class PersistencePlaceholder;
