using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Demo;

/// <summary>
/// The README's first command: a ShotGrid project appears in AYON, against the built-in emulators.
/// <c>--exit</c> stops after the sync (used by CI to check the demo works); otherwise it runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class DemoProgram
{
    public static async Task<int> Main(string[] args)
    {
        var exitAfterSync = args.Contains("--exit");
        using var shutdown = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            shutdown.Cancel();
        };

        // docker stop, service managers and CI stop a process with SIGTERM, not Ctrl+C: stop the same way (the hosts
        // inside only stop themselves on it, which left the demo waiting for Ctrl+C).
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            shutdown.Cancel();
        });

        Console.WriteLine("Starting the ShotGrid and AYON emulators, the silo and the gateway on loopback…");
        await using var cluster = await DemoCluster.StartAsync(new DemoClusterOptions { GatewayPort = 8080, SiloHttpPort = 8081 }, shutdown.Token);
        var project = ShotGridSeeder.SeedDemo(cluster.ShotGrid.Store);
        Console.WriteLine($"Seeded ShotGrid project {project.ProjectId}: {project.EpisodeIds.Count} episodes, {project.SequenceIds.Count} sequences, {project.ShotIds.Count} shots, {project.AssetIds.Count} assets, {project.TaskIds.Count} tasks.");

        var ok = await DemoScenario.RunAsync(cluster, project.ProjectId, Console.Out, shutdown.Token);
        DemoScenario.PrintWhereToLook(cluster, project.ProjectId, Console.Out);
        if (exitAfterSync)
        {
            return ok ? 0 : 1;
        }

        Console.WriteLine("Running. Press Ctrl+C (or send SIGTERM) to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping…");
        }

        return ok ? 0 : 1;
    }
}
