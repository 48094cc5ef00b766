using AyonShotgrid.Persistence.Tests.Infrastructure;

namespace AyonShotgrid.Persistence.Tests;

/// <summary>Queries that the running cluster does not reach in the other tests, run directly with the providers' parameter names.</summary>
public sealed class QueryCatalogueTests
{
    [Fact]
    public async Task DeleteStorageRemovesTheRowOnlyWithTheCurrentVersion()
    {
        await using var schema = await MigratedSchemaAsync();
        (string, object?)[] grain = [("ServiceId", "svc"), ("GrainTypeString", "state"), ("GrainIdN0", 0L), ("GrainIdN1", 0L), ("GrainIdExtensionString", "item:1")];
        var written = await ProviderQueries.RunAsync(schema, "WriteToStorageKey", [.. grain, ("GrainStateVersion", null), ("PayloadBinary", "{}"u8.ToArray())]);
        Assert.Equal(1, written.Single()[0]);

        var stale = await ProviderQueries.RunAsync(schema, "DeleteStorageKey", [.. grain, ("GrainStateVersion", 7)]);
        var current = await ProviderQueries.RunAsync(schema, "DeleteStorageKey", [.. grain, ("GrainStateVersion", 1)]);

        Assert.Null(Assert.Single(stale)[0]); // NULL: the provider raises InconsistentStateException
        Assert.Equal(2, current.Single()[0]); // differs from the caller's ETag, which the provider takes as success
        Assert.Empty(await ProviderQueries.RunAsync(schema, "ReadFromStorageKey", grain));
    }

    [Fact]
    public async Task NullAndEmptyKeyExtensionsAreDifferentGrains()
    {
        await using var schema = await MigratedSchemaAsync();
        (string, object?)[] integerKey = [("ServiceId", "svc"), ("GrainTypeString", "state"), ("GrainIdN0", 0L), ("GrainIdN1", 42L)];

        await ProviderQueries.RunAsync(schema, "WriteToStorageKey", [.. integerKey, ("GrainIdExtensionString", null), ("GrainStateVersion", null), ("PayloadBinary", "1"u8.ToArray())]);
        await ProviderQueries.RunAsync(schema, "WriteToStorageKey", [.. integerKey, ("GrainIdExtensionString", ""), ("GrainStateVersion", null), ("PayloadBinary", "2"u8.ToArray())]);

        var withoutExtension = await ProviderQueries.RunAsync(schema, "ReadFromStorageKey", [.. integerKey, ("GrainIdExtensionString", null)]);
        var emptyExtension = await ProviderQueries.RunAsync(schema, "ReadFromStorageKey", [.. integerKey, ("GrainIdExtensionString", "")]);
        Assert.Equal("1"u8.ToArray(), withoutExtension.Single()[0]);
        Assert.Equal("2"u8.ToArray(), emptyExtension.Single()[0]);
    }

    [Fact]
    public async Task ReminderRangeQueriesReadTheHalfOpenRingRangeWithAndWithoutWrapAround()
    {
        await using var schema = await MigratedSchemaAsync();
        foreach (var hash in new[] { int.MinValue, -100, 0, 100, int.MaxValue })
        {
            await ProviderQueries.RunAsync(schema, "UpsertReminderRowKey",
                ("ServiceId", "svc"), ("GrainId", $"g/{hash}"), ("ReminderName", "r"), ("GrainHash", hash),
                ("StartTime", DateTime.UtcNow), ("Period", 60_000));
        }

        // (BeginHash, EndHash] as signed integers; range 2 is the one that wraps past int.MaxValue.
        var plain = await ProviderQueries.RunAsync(schema, "ReadRangeRows1Key", ("ServiceId", "svc"), ("BeginHash", -100), ("EndHash", 100));
        var wrapped = await ProviderQueries.RunAsync(schema, "ReadRangeRows2Key", ("ServiceId", "svc"), ("BeginHash", 0), ("EndHash", -100));

        Assert.Equal(["g/0", "g/100"], plain.Select(row => (string)row[0]!).Order(StringComparer.Ordinal));
        Assert.Equal(["g/-100", $"g/{int.MinValue}", "g/100", $"g/{int.MaxValue}"], wrapped.Select(row => (string)row[0]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MembershipChangesNeedTheCurrentTableVersion()
    {
        await using var schema = await MigratedSchemaAsync();
        Assert.Equal(true, (await ProviderQueries.RunAsync(schema, "InsertMembershipVersionKey", ("DeploymentId", "c"))).Single()[0]);
        Assert.Equal(false, (await ProviderQueries.RunAsync(schema, "InsertMembershipVersionKey", ("DeploymentId", "c"))).Single()[0]);
        (string, object?)[] silo = [("DeploymentId", "c"), ("Address", "10.0.0.1"), ("Port", 11111), ("Generation", 7)];
        (string, object?)[] details = [("SiloName", "s1"), ("HostName", "h1"), ("Status", 2), ("ProxyPort", 30000), ("StartTime", DateTime.UtcNow), ("IAmAliveTime", DateTime.UtcNow)];

        var staleInsert = await ProviderQueries.RunAsync(schema, "InsertMembershipKey", [.. silo, .. details, ("Version", 5)]);
        var insert = await ProviderQueries.RunAsync(schema, "InsertMembershipKey", [.. silo, .. details, ("Version", 0)]);
        var duplicate = await ProviderQueries.RunAsync(schema, "InsertMembershipKey", [.. silo, .. details, ("Version", 1)]);
        var update = await ProviderQueries.RunAsync(schema, "UpdateMembershipKey", [.. silo, ("Status", 3), ("SuspectTimes", null), ("IAmAliveTime", DateTime.UtcNow), ("Version", 1)]);
        var staleUpdate = await ProviderQueries.RunAsync(schema, "UpdateMembershipKey", [.. silo, ("Status", 6), ("SuspectTimes", null), ("IAmAliveTime", DateTime.UtcNow), ("Version", 1)]);

        Assert.Equal([false, true, false, true, false], new[] { staleInsert, insert, duplicate, update, staleUpdate }.Select(r => (bool)r.Single()[0]!));
        var row = (await ProviderQueries.RunAsync(schema, "MembershipReadRowKey", silo)).Single();
        Assert.Equal(2, row[0]);  // Version: the insert and the update
        Assert.Equal(3, row[6]);  // Status: Active, the stale update did not apply
        var gateway = (await ProviderQueries.RunAsync(schema, "GatewaysQueryKey", ("DeploymentId", "c"), ("Status", 3))).Single();
        Assert.Equal(["10.0.0.1", 30000, 7], gateway);
    }

    private static async Task<TestSchema> MigratedSchemaAsync()
    {
        var schema = await TestDatabase.CreateSchemaAsync();
        await SchemaMigrator.MigrateAsync(schema.ConnectionString, logger: null, CancellationToken.None);
        return schema;
    }
}
