using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AyonShotgrid.Persistence;

/// <summary>
/// Creates and upgrades the PostgreSQL schema the Orleans providers use (tables, functions and the orleansquery catalogue).
/// Each embedded script (Sql/NNN_name.sql) is applied once, in its own transaction, and recorded with its checksum in
/// schema_migrations; running the migrator again is a no-op. A session advisory lock makes silos that start together
/// take turns, so exactly one of them applies a pending script and the others then find it recorded.
/// </summary>
public static class SchemaMigrator
{
    // Any constant works as long as every process migrating this schema uses the same one ("AyonSG" + 1).
    private const long AdvisoryLockKey = 0x41796F6E5347_01;

    public static Task MigrateAsync(string connectionString, ILogger? logger, CancellationToken ct) =>
        MigrateAsync(connectionString, MigrationScript.LoadEmbedded(), logger, ct);

    internal static async Task MigrateAsync(string connectionString, IReadOnlyList<MigrationScript> scripts, ILogger? logger, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var log = logger ?? NullLogger.Instance;

        // Without pooling, closing the connection really ends the session, which releases the advisory lock
        // even if the explicit unlock below never runs (a crash or a broken connection).
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);

        log.WaitingForLock();
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, MigrationHistory.CreateTableSql, ct);
            var applied = await MigrationHistory.ReadAsync(connection, ct);
            MigrationHistory.Verify(applied, scripts, log);

            var appliedNow = 0;
            foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Version)))
            {
                await ApplyAsync(connection, script, log, ct);
                appliedNow++;
            }

            log.UpToDate(scripts.Count == 0 ? 0 : scripts.Max(s => s.Version), appliedNow);
        }
        finally
        {
            await ReleaseLockAsync(connection);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, ILogger log, CancellationToken ct)
    {
        log.Applying(script.Version, script.Name);
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await ExecuteAsync(connection, script.Sql, ct);
            await MigrationHistory.RecordAsync(connection, script, ct);
            await transaction.CommitAsync(ct);
        }
        catch (PostgresException ex)
        {
            throw new SchemaMigrationException($"Schema migration {script.Version} ({script.Name}) failed and was rolled back: {ex.MessageText}", ex);
        }

        log.Applied(script.Version, script.Name, stopwatch.ElapsedMilliseconds);
    }

    private static async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return; // the session is gone, and with it the lock
        }

        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
        catch (NpgsqlException)
        {
            // Closing the (unpooled) connection ends the session and releases the lock anyway.
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
