namespace AyonShotgrid.Emulators.ShotGrid;

public sealed class ShotGridEmulatorOptions
{
    /// <summary>0 = a free port.</summary>
    public int Port { get; set; }

    /// <summary>Where to listen: loopback by default; <see cref="System.Net.IPAddress.Any"/> in a container.</summary>
    public System.Net.IPAddress ListenAddress { get; set; } = System.Net.IPAddress.Loopback;

    public string ScriptName { get; set; } = "ayon_sync";

    public string ScriptKey { get; set; } = "emulator-script-key";

    /// <summary>Password of the seeded HumanUser "admin" for the password grant (emulator-only credential).</summary>
    public string AdminPassword { get; set; } = "emulator-admin-password";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(600);

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Sees every request before it is served (the benchmark records requests to replay them bare); must leave the body readable.</summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, Task>? RequestTap { get; set; }

    /// <summary>Injected latency of every answer (none by default); the benchmark's <c>--profile cloud</c> sets it.</summary>
    public EmulatorLatency Latency { get; set; } = new();
}
