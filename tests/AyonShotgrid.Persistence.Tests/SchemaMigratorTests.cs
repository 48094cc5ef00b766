using AyonShotgrid.Persistence.Tests.Infrastructure;

namespace AyonShotgrid.Persistence.Tests;

public sealed class SchemaMigratorTests
{
    /// <summary>Every query key the 10.4.2 clustering, storage and reminder providers look up.</summary>
    private static readonly string[] ProviderQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey",
        "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey",
        "WriteToStorageKey",
    ];

    [Fact]
    public async Task MigratingTwiceAppliesEachScriptOnceAndRecordsItsVersionAndChecksum()
    {
        await using var schema = await TestDatabase.CreateSchemaAsync();
        var scripts = MigrationScript.LoadEmbedded();

        await SchemaMigrator.MigrateAsync(schema.ConnectionString, logger: null, CancellationToken.None);
        var first = await schema.QueryAsync("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
        await SchemaMigrator.MigrateAsync(schema.ConnectionString, logger: null, CancellationToken.None);
        var second = await schema.QueryAsync("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");

        Assert.Equal([1, 2, 3, 4], first.Select(row => (int)row[0]!));
        Assert.Equal(["001_base", "002_clustering", "003_storage", "004_reminders"], first.Select(row => (string)row[1]!));
        Assert.Equal(scripts.Select(s => s.Checksum), first.Select(row => (string)row[2]!));
        // The second run is a no-op: same rows, same application times.
        Assert.Equal(first.Select(row => row[3]), second.Select(row => row[3]));
    }

    [Fact]
    public async Task QueryCatalogueHoldsExactlyTheKeysTheProvidersRead()
    {
        await using var schema = await TestDatabase.CreateSchemaAsync();

        await SchemaMigrator.MigrateAsync(schema.ConnectionString, logger: null, CancellationToken.None);

        var keys = await schema.QueryAsync("SELECT querykey FROM orleansquery ORDER BY querykey");
        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), keys.Select(row => (string)row[0]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EditedScriptThatWasAlreadyAppliedIsRejectedWithAClearError()
    {
        await using var schema = await TestDatabase.CreateSchemaAsync();
        await SchemaMigrator.MigrateAsync(schema.ConnectionString, logger: null, CancellationToken.None);
        var edited = MigrationScript.LoadEmbedded()
            .Select(s => s.Version == 2 ? MigrationScript.Create("002_clustering.sql", s.Sql + "\n-- an edit after release\n") : s)
            .ToList();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => SchemaMigrator.MigrateAsync(schema.ConnectionString, edited, logger: null, CancellationToken.None));

        Assert.Contains("Schema migration 2 (002_clustering) was applied with checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains("must not be edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineEndingsDoNotChangeTheChecksum()
    {
        var unix = MigrationScript.Create("007_x.sql", "SELECT 1;\nSELECT 2;\n");
        var windows = MigrationScript.Create("007_x.sql", "\uFEFFSELECT 1;\r\nSELECT 2;\r\n");
        var edited = MigrationScript.Create("007_x.sql", "SELECT 1;\nSELECT 3;\n");

        Assert.Equal(7, unix.Version);
        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.NotEqual(unix.Checksum, edited.Checksum);
    }

    [Fact]
    public async Task SilosMigratingAtTheSameTimeApplyEachScriptOnce()
    {
        await using var schema = await TestDatabase.CreateSchemaAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(
            _ => Task.Run(() => SchemaMigrator.MigrateAsync(schema.ConnectionString, logger: null, CancellationToken.None))));

        var versions = await schema.QueryAsync("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal([1, 2, 3, 4], versions.Select(row => (int)row[0]!));
    }

    [Fact]
    public async Task FailingScriptIsRolledBackAndNotRecorded()
    {
        await using var schema = await TestDatabase.CreateSchemaAsync();
        var scripts = MigrationScript.LoadEmbedded()
            .Append(MigrationScript.Create("005_broken.sql", "CREATE TABLE half_done (id integer);\nSELECT 1 / 0;\n"))
            .ToList();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => SchemaMigrator.MigrateAsync(schema.ConnectionString, scripts, logger: null, CancellationToken.None));

        Assert.Contains("005_broken", error.Message, StringComparison.Ordinal);
        var versions = await schema.QueryAsync("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal([1, 2, 3, 4], versions.Select(row => (int)row[0]!));
        var leftover = await schema.QueryAsync("SELECT to_regclass('half_done')::text");
        Assert.Null(leftover.Single()[0]);
    }
}
