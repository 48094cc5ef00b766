namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>
/// What every scale-out test starts from: the emulators up before each test, silo and gateway processes started by the
/// test, a project prepared through the gateway, and everything stopped after it.
/// </summary>
public abstract class ScaleOutTest : IAsyncLifetime
{
    // Deadlines, not waits: .NET processes starting on 2 busy cores (the other test assemblies run beside these) have
    // taken over a minute; a slow start is not what these tests are about.
    protected static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    protected static readonly TimeSpan Settle = TimeSpan.FromSeconds(100);

    protected ScaleOutCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ScaleOutCluster.StartEmulatorsAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Starts <paramref name="silos"/> silos and the gateway, waits until they serve, and prepares the project.</summary>
    /// <returns>A client of the gateway (the caller disposes it) and the AYON project's name.</returns>
    protected async Task<(HttpClient Gateway, string AyonProject)> StartAndPrepareAsync(int silos, long sgProjectId)
    {
        Cluster.StartHosts(silos);
        await Cluster.WaitReadyAsync(Startup);
        var gateway = Cluster.GatewayClient();
        var prepared = await ScaleOutCluster.ReadJsonAsync(await gateway.PostAsync($"api/shotgrid/projects/{sgProjectId}/prepare", null));
        return (gateway, prepared.GetProperty("ayonProjectName").GetString()!);
    }
}
