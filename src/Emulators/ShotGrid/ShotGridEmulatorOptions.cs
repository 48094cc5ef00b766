namespace AyonShotgrid.Emulators.ShotGrid;

public sealed class ShotGridEmulatorOptions
{
    /// <summary>0 = a free port on 127.0.0.1.</summary>
    public int Port { get; set; }

    public string ScriptName { get; set; } = "ayon_sync";

    public string ScriptKey { get; set; } = "emulator-script-key";

    /// <summary>Password of the seeded HumanUser "admin" for the password grant (emulator-only credential).</summary>
    public string AdminPassword { get; set; } = "emulator-admin-password";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(600);

    public TimeProvider Time { get; set; } = TimeProvider.System;
}
