using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

/// <summary>A cluster whose grain calls (from grains and from the client) time out after 4 seconds (Orleans' default is 30), so a slow load shows in seconds.</summary>
public sealed class ShortCallTimeoutFixture : SyncFixture
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(4);

    protected override void ConfigureCluster(Orleans.TestingHost.InProcessTestClusterBuilder builder)
    {
        builder.ConfigureSilo((_, silo) => silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout));
        builder.ConfigureClient(client => client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout));
    }
}

/// <summary>
/// The project index loads the whole AYON project inside one call. On a large project or a slow server that load
/// outlasts the cluster's call timeout; it must still complete, or every sync job that needs the index fails after
/// all its writes succeeded (seen at 100k entities under load).
/// </summary>
public sealed class IndexLoadTimeoutTests(ShortCallTimeoutFixture fixture) : IClassFixture<ShortCallTimeoutFixture>
{
    [Fact]
    public async Task AnIndexLoadLongerThanTheCallTimeoutCompletes()
    {
        var project = await fixture.SyncedOneShotProjectAsync("slowindex");
        var index = fixture.Cluster.Client.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(fixture.Site, project.ProjectId));
        await index.AttachAsync(project.Name);

        // Each AYON request now takes as long as the whole call may: a load makes several, so it outlasts the timeout.
        fixture.Ayon.Faults.Latency = ShortCallTimeoutFixture.CallTimeout;
        try
        {
            await index.ReloadAsync();
            Assert.NotNull(await index.LookupAsync($"Shot:{project.Shot}", reloadIfLoadedBefore: null));
        }
        finally
        {
            fixture.Ayon.Faults.Latency = TimeSpan.Zero;
        }
    }
}
