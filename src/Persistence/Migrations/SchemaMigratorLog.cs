using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Persistence;

internal static partial class SchemaMigratorLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting for the schema migration lock")]
    public static partial void WaitingForLock(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema migration {Version} ({Name})")]
    public static partial void Applying(this ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name}) in {ElapsedMs} ms")]
    public static partial void Applied(this ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date at version {Version}; {AppliedCount} migration(s) applied now")]
    public static partial void UpToDate(this ILogger logger, int version, int appliedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has schema migration {Version} ({Name}) which this build does not know; it was probably applied by a newer build")]
    public static partial void UnknownMigration(this ILogger logger, int version, string name);
}
