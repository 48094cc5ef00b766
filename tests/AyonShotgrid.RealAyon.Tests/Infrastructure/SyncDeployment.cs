using AyonShotgrid.Conformance;
using AyonShotgrid.Demo;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>
/// The production silo and gateway hosts (<see cref="DemoCluster"/>, with its ShotGrid emulator) syncing into a given
/// AYON server through a <see cref="CountingProxy"/>. The same set-up runs against the real server and against our
/// emulator, so their request counts can be compared. (The cluster's own AYON emulator is started but unused.)
/// </summary>
public sealed class SyncDeployment : IAsyncDisposable
{
    private SyncDeployment(DemoCluster cluster, CountingProxy proxy, AyonCalls ayon)
    {
        Cluster = cluster;
        Proxy = proxy;
        Ayon = ayon;
    }

    public DemoCluster Cluster { get; }

    public CountingProxy Proxy { get; }

    /// <summary>Direct calls to the AYON server, bypassing the proxy (read-backs are not counted).</summary>
    public AyonCalls Ayon { get; }

    /// <param name="push">Run the AYON → ShotGrid push follower (off otherwise: its reads would shift the request counts compared here).</param>
    public static async Task<SyncDeployment> StartAsync(string clusterId, Uri ayonUrl, string ayonApiKey, bool push = false)
    {
        var proxy = await CountingProxy.StartAsync(ayonUrl);
        var cluster = await DemoCluster.StartAsync(new DemoClusterOptions
        {
            ClusterId = clusterId,
            GatewayApiKey = "real-ayon-tests-" + Guid.NewGuid().ToString("N"),
            Settings = new Dictionary<string, string?>
            {
                ["Ayon:Url"] = proxy.Url.ToString(),
                ["Ayon:ApiKey"] = ayonApiKey,
                ["Sync:PollInterval"] = "00:00:01",
                ["Push:FollowerEnabled"] = push ? "true" : "false",
                ["Push:SettingRefresh"] = "00:00:02",
                ["Logging:LogLevel:AyonShotgrid"] = "Warning",
            },
        }, CancellationToken.None);
        return new SyncDeployment(cluster, proxy, new AyonCalls(ayonUrl, ayonApiKey));
    }

    public HttpClient Gateway() => Cluster.CreateGatewayClient();

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Proxy.DisposeAsync();
        Ayon.Dispose();
    }
}
