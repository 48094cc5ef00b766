using System.Diagnostics;
using System.IO.Compression;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Silo.Configuration;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Addon;

/// <summary>
/// The AYON addon (Python, ayon-addon/): its forwarding code runs against this fixture's real gateway, and its
/// package is built and inspected. AYON's server package cannot be installed here; ayon-addon/tests/stubs stands in.
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class AyonAddonTests(SyncFixture fixture)
{
    private static readonly string AddonDir = Path.Combine(RepositoryPaths.Root(), "ayon-addon");

    [Fact]
    public async Task TheAddonForwardsPrepareSyncAndStatusToTheGatewayAndItsSettingsAreTheClustersOwn()
    {
        var name = TestProjects.UniqueName("Addon");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));

        var (exit, output) = await RunPythonAsync(
            ["-m", "unittest", "discover", "-s", "tests", "-p", "test_*.py", "-v"],
            new()
            {
                ["AYONSG_GATEWAY_URL"] = fixture.GatewayUrl.ToString(),
                ["AYONSG_GATEWAY_KEY"] = SyncFixture.GatewayKey,
                ["AYONSG_SG_PROJECT_ID"] = seeded.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AYONSG_CLUSTER_SETTINGS"] = string.Join(",", AyonAddonSettings.SettingNames),
            });

        Assert.True(exit == 0, $"the addon's tests failed (exit {exit}):\n{output}");
        Assert.Contains("Ran 11 tests", output);
        Assert.Contains(fixture.Ayon.Store.Folders(name), f => f.FolderType == "Shot");
    }

    [Fact]
    public async Task ThePackageHasPackagePyAtItsRootTheServerCodeAndTheGatewaysSyncPage()
    {
        var outDir = Directory.CreateTempSubdirectory("ayonsg-addon-").FullName;
        try
        {
            var (exit, output) = await RunPythonAsync(["create_package.py", "--out", outDir], []);

            Assert.True(exit == 0, output);
            using var zip = ZipFile.OpenRead(Path.Combine(outDir, "shotgrid_orleans-0.1.0.zip"));
            var entries = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                ["frontend/dist/app.js", "frontend/dist/index.html", "frontend/dist/styles.css", "package.py", "server/__init__.py", "server/gateway.py", "server/settings.py"],
                entries);
            using var page = new StreamReader(zip.GetEntry("frontend/dist/app.js")!.Open());
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "src", "Gateway", "wwwroot", "app.js")), await page.ReadToEndAsync());
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunPythonAsync(IReadOnlyList<string> arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = AddonDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
