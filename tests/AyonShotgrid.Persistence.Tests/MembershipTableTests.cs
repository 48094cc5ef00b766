using AyonShotgrid.Persistence.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;

namespace AyonShotgrid.Persistence.Tests;

[Collection(PostgresClusterCollection.Name)]
public sealed class MembershipTableTests(PostgresClusterFixture fixture)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task BothSilosAreRegisteredAsActiveGateways()
    {
        var rows = await fixture.Schema.QueryAsync(
            "SELECT port, proxy_port, status FROM orleans_cluster_member WHERE cluster_id = @cluster ORDER BY port",
            ("cluster", fixture.ClusterId));

        var expected = fixture.Cluster.Silos
            .Select(silo => (silo.SiloAddress.Endpoint.Port, silo.GatewayAddress.Endpoint.Port, Active))
            .OrderBy(silo => silo.Item1);
        Assert.Equal(expected, rows.Select(row => ((int)row[0]!, (int)row[1]!, (int)row[2]!)));
        var version = Assert.Single(await fixture.Schema.QueryAsync(
            "SELECT version FROM orleans_cluster_version WHERE cluster_id = @cluster", ("cluster", fixture.ClusterId)));
        Assert.True((int)version[0]! >= 4, "two inserts and two status changes (Joining -> Active) each bump the table version");
    }

    [Fact]
    public async Task ClientGatewayListComesFromTheMembershipTable()
    {
        var gateways = fixture.Cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>();

        var uris = await gateways.GetGateways();

        var expected = fixture.Cluster.Silos.Select(silo => silo.GatewayAddress.Endpoint.Port).Order();
        Assert.Equal(expected, uris.Select(uri => uri.Port).Order());
    }

    [Fact]
    public async Task DefunctSiloCleanupRemovesOnlyLongDeadSilos()
    {
        var longAgo = DateTime.UtcNow.AddDays(-10);
        await fixture.Schema.ExecuteAsync(
            """
            INSERT INTO orleans_cluster_member
                (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
            VALUES (@cluster, '127.0.0.9', 1, 1, 'ghost', 'ghost-host', @dead, 0, @longAgo, @longAgo)
            """,
            ("cluster", fixture.ClusterId), ("dead", Dead), ("longAgo", longAgo));
        var membership = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IMembershipTable>();

        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-7));

        var rows = await fixture.Schema.QueryAsync(
            "SELECT silo_name, status FROM orleans_cluster_member WHERE cluster_id = @cluster", ("cluster", fixture.ClusterId));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(Active, row[1]));
    }
}
