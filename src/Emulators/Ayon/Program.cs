using AyonShotgrid.Emulators.Ayon;

// Standalone: dotnet run --project src/Emulators/Ayon -- --urls http://127.0.0.1:5102 [--api-key KEY] [--require-restart]
//             [--restart-stall SECONDS]
var options = new AyonEmulatorOptions
{
    ApiKey = ArgValue(args, "--api-key") ?? Environment.GetEnvironmentVariable("AYON_EMULATOR_API_KEY") ?? "emulator-ayon-key",
    RequireRestartForAttributes = args.Contains("--require-restart"),
    RestartStall = double.TryParse(ArgValue(args, "--restart-stall"), System.Globalization.CultureInfo.InvariantCulture, out var stall)
        ? TimeSpan.FromSeconds(stall) : TimeSpan.Zero,
    Port = int.TryParse(ArgValue(args, "--port"), out var port) ? port : 5102,
};
var store = new AyonStore(options, new AyonFaults(), TimeProvider.System);
var app = AyonApp.Build(options, store, new RequestCounter(), args, quiet: false);
await app.StartAsync();
foreach (var url in app.Urls)
{
    Console.WriteLine($"AYON emulator listening on {url}");
}

// Printed on purpose: this is a local emulator's throwaway key that callers need to connect.
Console.WriteLine($"AYON_API_KEY={options.ApiKey}");
await app.WaitForShutdownAsync();

static string? ArgValue(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
