using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>
/// The demo's sample ShotGrid project prepared and synced once through a <see cref="SyncDeployment"/>, with the AYON
/// requests of the first (full, create-only) sync counted.
/// </summary>
public sealed record DemoRun(
    SeededProject Seeded,
    IReadOnlySet<string> AttributesBefore,
    JsonElement Prepare,
    JsonElement FirstSync,
    IReadOnlyDictionary<string, int> FirstSyncRequests)
{
    public string AyonProject => Prepare.GetProperty("ayonProjectName").GetString()!;

    public static async Task<DemoRun> RunAsync(SyncDeployment deployment)
    {
        var attributes = (await deployment.Ayon.GetAsync("api/attributes")).Body!["attributes"]!.AsArray()
            .Select(a => a!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var seeded = ShotGridSeeder.SeedDemo(deployment.Cluster.ShotGrid.Store);
        using var gateway = deployment.Gateway();
        var prepare = await gateway.PrepareAsync(seeded.ProjectId);

        deployment.Proxy.Reset();
        deployment.Proxy.Counting = true;
        JsonElement first;
        try
        {
            first = await gateway.SyncAsync(seeded.ProjectId);
        }
        finally
        {
            deployment.Proxy.Counting = false;
        }

        return new DemoRun(seeded, attributes, prepare, first, deployment.Proxy.Counts);
    }
}
