using Microsoft.Extensions.Logging;
using Npgsql;

namespace AyonShotgrid.Persistence;

/// <summary>The schema_migrations table: which scripts were applied, when, and with which checksum.</summary>
internal static class MigrationHistory
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    public sealed record AppliedMigration(int Version, string Name, string Checksum);

    public static async Task<Dictionary<int, AppliedMigration>> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, AppliedMigration>();
        while (await reader.ReadAsync(ct))
        {
            var migration = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            applied[migration.Version] = migration;
        }

        return applied;
    }

    /// <summary>
    /// An applied script must never change: the database already ran the old text, so an edit would silently not happen
    /// on existing databases while fresh ones get the new text. Changes go into a new, higher-numbered script.
    /// </summary>
    public static void Verify(IReadOnlyDictionary<int, AppliedMigration> applied, IReadOnlyList<MigrationScript> scripts, ILogger log)
    {
        var known = scripts.ToDictionary(s => s.Version);
        foreach (var migration in applied.Values)
        {
            if (!known.TryGetValue(migration.Version, out var script))
            {
                log.UnknownMigration(migration.Version, migration.Name);
                continue;
            }

            if (!string.Equals(script.Checksum, migration.Checksum, StringComparison.Ordinal))
            {
                throw new SchemaMigrationException(
                    $"Schema migration {migration.Version} ({migration.Name}) was applied with checksum {migration.Checksum}, " +
                    $"but the script in this build ({script.Name}) has checksum {script.Checksum}. " +
                    "Applied migration scripts must not be edited; put the change into a new, higher-numbered script.");
            }
        }
    }

    public static Task RecordAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken ct) =>
        SchemaMigrator.ExecuteAsync(
            connection,
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
            ct,
            ("version", script.Version),
            ("name", script.Name),
            ("checksum", script.Checksum));
}
