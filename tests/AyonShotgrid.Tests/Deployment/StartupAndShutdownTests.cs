using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Deployment;

/// <summary>The built programs as an operator starts and stops them: settings that cannot work, and SIGTERM.</summary>
public sealed class StartupAndShutdownTests
{
    [Fact]
    public async Task ASiloWithAnEmptyShotGridUrlPrintsOneLineNamingTheSettingAndItsSourceAndExitsNonZero()
    {
        using var silo = BuiltProgram.Start("Silo", "AyonShotgrid.Silo.dll", new Dictionary<string, string?>
        {
            ["ShotGrid__Url"] = "",
            ["ShotGrid__ApiKey"] = "script-key",
            ["Ayon__Url"] = "http://127.0.0.1:9/",
            ["Ayon__ApiKey"] = "ayon-key",
            ["Urls"] = "http://127.0.0.1:0",
        });

        var exit = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        AssertOneClearLine(silo.Output, exit, "Unusable setting ShotGrid:Url (read from the environment variable ShotGrid__Url): ShotGrid:Url is required");
        Assert.DoesNotContain("script-key", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiloWhoseAddonSettingsNameAMissingSecretPrintsOneLineNamingTheSettingAndItsSourceAndExitsNonZero()
    {
        await using var ayon = await AyonEmulator.StartAsync();
        ayon.Store.SetAddonSettings("shotgrid_orleans", "0.1.0", new JsonObject
        {
            ["shotgrid_url"] = "https://studio.shotgrid.autodesk.com",
            ["shotgrid_script_name"] = "ayon_connector",
            ["shotgrid_script_key_secret"] = "no_such_secret",
        });
        using var silo = BuiltProgram.Start("Silo", "AyonShotgrid.Silo.dll", new Dictionary<string, string?>
        {
            ["AYON_SERVER_URL"] = ayon.BaseUrl.ToString(),
            ["AYON_API_KEY"] = ayon.ApiKey,
            ["AYON_ADDON_NAME"] = "shotgrid_orleans",
            ["AYON_ADDON_VERSION"] = "0.1.0",
            ["Urls"] = "http://127.0.0.1:0",
        });

        var exit = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        AssertOneClearLine(
            silo.Output,
            exit,
            $"Unusable setting shotgrid_script_key_secret (read from the AYON addon settings of shotgrid_orleans 0.1.0 (production) on {ayon.BaseUrl}): AYON secret 'no_such_secret' does not exist.");
        Assert.DoesNotContain(ayon.ApiKey, silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoStopsWithinAFewSecondsOfSigterm()
    {
        using var demo = BuiltProgram.Start("Demo", "AyonShotgrid.Demo.dll", new Dictionary<string, string?>());
        await Eventually.WaitAsync(
            () => Task.FromResult(demo.Output),
            o => o.Contains("Running.", StringComparison.Ordinal) || demo.HasExited,
            "the demo to finish its sync and say it is running",
            TimeSpan.FromMinutes(3));
        Assert.False(demo.HasExited, demo.Output);

        await demo.TerminateAsync();
        var exit = await demo.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.True(exit is not null, "the demo was still running 15 s after SIGTERM:\n" + demo.Output);
        Assert.Equal(0, exit);
        Assert.Contains("Stopping", demo.Output, StringComparison.Ordinal);
    }

    private static void AssertOneClearLine(string output, int? exit, string expectedStart)
    {
        Assert.True(exit is not null and not 0, $"exit code {exit}, output:\n{output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got {lines.Length}:\n{output}");
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
