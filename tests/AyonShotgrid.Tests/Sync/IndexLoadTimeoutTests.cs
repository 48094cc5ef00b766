using System.Net.Http.Json;
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
        // Made directly in both emulators, not through the gateway: every gateway call here has the short timeout too.
        var name = TestProjects.UniqueName("slowindex");
        var sgProjectId = fixture.ShotGrid.Store.CreateProject(name, code: name);
        using (var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl })
        {
            ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
            using var created = await ayon.PostAsJsonAsync("api/projects", new { name, code = $"si{Guid.NewGuid():N}"[..10] });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        // Each AYON request now takes as long as a whole call may: the load makes several, so it outlasts the timeout.
        fixture.Ayon.Faults.Latency = ShortCallTimeoutFixture.CallTimeout;
        try
        {
            var index = fixture.Cluster.Client.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(fixture.Site, sgProjectId));
            await index.AttachAsync(name);
            Assert.Equal(name, (await index.GetContextAsync()).AyonProjectName);
        }
        finally
        {
            fixture.Ayon.Faults.Latency = TimeSpan.Zero;
        }
    }
}
