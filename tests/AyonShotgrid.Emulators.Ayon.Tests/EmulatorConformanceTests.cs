using AyonShotgrid.Conformance;

namespace AyonShotgrid.Emulators.Ayon.Tests;

/// <summary>
/// Our emulator as a conformance target, set up to behave like the real server: attributes need a restart, and a
/// restart leaves requests unanswered for a while (shorter than the real ~5 s, to keep the suite quick).
/// </summary>
public sealed class EmulatorTarget : AyonTarget
{
    private AyonEmulator? _emulator;

    public override string Name => "emulator";

    public override Uri BaseUrl => Started.BaseUrl;

    public override string ApiKey => Started.ApiKey;

    private AyonEmulator Started => _emulator ?? throw new InvalidOperationException("The emulator target is not started.");

    public override async Task InitializeAsync() => _emulator = await AyonEmulator.StartAsync(new AyonEmulatorOptions
    {
        ApiKey = "conformance-" + Guid.NewGuid().ToString("N"),
        RequireRestartForAttributes = true,
        RestartStall = TimeSpan.FromSeconds(2),
    });

    public override async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>The conformance cases against our emulator; the same class runs against the real server in AyonShotgrid.RealAyon.Tests.</summary>
public sealed class EmulatorConformanceTests(EmulatorTarget target) : AyonConformanceTests(target), IClassFixture<EmulatorTarget>;
