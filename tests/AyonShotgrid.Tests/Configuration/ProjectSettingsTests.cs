using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Tests.Configuration;

/// <summary>Per-project overrides from the AYON addon's project settings, read over HTTP from the AYON emulator.</summary>
public sealed class ProjectSettingsTests : IAsyncLifetime
{
    private AyonEmulator _ayon = null!;

    public async Task InitializeAsync()
    {
        _ayon = await AyonEmulator.StartAsync();
        _ayon.Store.SetAddonSettings("shotgrid_orleans", "0.1.0", new JsonObject { ["default_task_type"] = "Generic", ["duplicate_name_policy"] = "suffix" });
    }

    public async Task DisposeAsync() => await _ayon.DisposeAsync();

    [Fact]
    public async Task AProjectOverrideWinsForThatProjectOnly()
    {
        _ayon.Store.SetProjectAddonSettings("shotgrid_orleans", "0.1.0", "feature", new JsonObject { ["default_task_type"] = "Layout", ["duplicate_name_policy"] = "skip" });
        var reader = Reader(addon: "shotgrid_orleans");

        var feature = await reader.ReadAsync("feature", CancellationToken.None);
        var other = await reader.ReadAsync("commercial", CancellationToken.None);

        Assert.Equal(("Layout", "skip"), (feature.DefaultTaskType, feature.DuplicateNamePolicy));
        Assert.Equal(("Generic", "suffix"), (other.DefaultTaskType, other.DuplicateNamePolicy));
        Assert.StartsWith("AYON project settings", feature.Source);
    }

    [Fact]
    public async Task AnInvalidProjectSettingStopsThatProjectNamingTheSettingAndTheProject()
    {
        _ayon.Store.SetProjectAddonSettings("shotgrid_orleans", "0.1.0", "broken", new JsonObject { ["duplicate_name_policy"] = "rename" });

        var error = await Assert.ThrowsAsync<SyncSetupException>(() => Reader(addon: "shotgrid_orleans").ReadAsync("broken", CancellationToken.None));

        Assert.Contains("duplicate_name_policy", error.Message);
        Assert.Contains("'broken'", error.Message);
    }

    [Fact]
    public async Task WithoutAnAddonTheClusterConfigurationIsUsed()
    {
        _ayon.Store.SetProjectAddonSettings("shotgrid_orleans", "0.1.0", "feature", new JsonObject { ["default_task_type"] = "Layout" });

        var settings = await Reader(addon: null).ReadAsync("feature", CancellationToken.None);

        Assert.Equal("Animation", settings.DefaultTaskType);
        Assert.Equal("cluster configuration", settings.Source);
    }

    private ProjectSettingsReader Reader(string? addon)
    {
        var ayonOptions = Options.Create(new AyonOptions { Url = _ayon.BaseUrl.ToString(), ApiKey = _ayon.ApiKey, AddonName = addon, AddonVersion = "0.1.0" });
        var client = new AyonClient(ayonOptions, NullLogger<AyonClient>.Instance);
        return new ProjectSettingsReader(client, ayonOptions, Options.Create(new SyncOptions { DefaultTaskType = "Animation" }));
    }
}
