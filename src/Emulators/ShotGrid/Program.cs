using System.Runtime.InteropServices;
using AyonShotgrid.Emulators.ShotGrid;

// Standalone: dotnet run --project src/Emulators/ShotGrid -- --urls http://127.0.0.1:5101
var port = StandaloneArgs.Port(args, defaultPort: 5101);
await using var emulator = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions { Port = port, ListenAddress = StandaloneArgs.Address(args) });
var demo = ShotGridSeeder.SeedDemo(emulator.Store);
Console.WriteLine($"ShotGrid emulator listening on {emulator.BaseUrl}");
Console.WriteLine($"  script name: {emulator.ScriptName}");
Console.WriteLine($"  script key:  {emulator.ScriptKey}   (emulator-only credential)");
Console.WriteLine($"  ApiUser id:  {emulator.ScriptApiUserId}; demo project id: {demo.ProjectId}");
Console.WriteLine("Press Ctrl+C to stop.");

// The embedded host swallows SIGTERM/SIGINT for itself, so stop explicitly on either (docker stop, Ctrl+C).
using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    stop.Cancel();
});
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx =>
{
    ctx.Cancel = true;
    stop.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Signal received: fall through to dispose.
}
