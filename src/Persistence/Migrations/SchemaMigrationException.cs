namespace AyonShotgrid.Persistence;

/// <summary>The database schema cannot be brought to the version this build expects (for example an applied script was edited).</summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
