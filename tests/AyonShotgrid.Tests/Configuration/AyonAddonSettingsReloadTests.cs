using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Hosting;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using AyonShotgrid.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Tests.Configuration;

/// <summary>Settings changed in AYON reach the running services without a restart; bad changes are refused and reported.</summary>
public sealed class AyonAddonSettingsReloadTests : IAsyncLifetime
{
    private const string Addon = "shotgrid_orleans";
    private const string Version = "0.1.0";
    private AyonEmulator _ayon = null!;
    private ShotGridEmulator _shotGrid = null!;

    public async Task InitializeAsync()
    {
        _ayon = await AyonEmulator.StartAsync();
        _shotGrid = await ShotGridEmulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _shotGrid.DisposeAsync();
        await _ayon.DisposeAsync();
    }

    [Fact]
    public async Task ANewPollIntervalAndNewCredentialsApplyOnTheNextUseWithoutARestart()
    {
        SetSettings(pollSeconds: 2);
        _ayon.Store.SetSecret("sg_key", _shotGrid.ScriptKey);
        await using var services = await ServicesAsync();
        var refresher = services.GetRequiredService<AyonAddonSettingsRefresher>();
        var shotGrid = services.GetRequiredService<IShotGridClient>();
        var sync = services.GetRequiredService<IOptions<SyncOptions>>();
        Assert.NotNull(await shotGrid.GetApiUserIdAsync(CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(2), sync.Value.PollInterval);

        // The studio rotates the script key in AYON (to one this ShotGrid site does not know yet) and slows polling.
        SetSettings(pollSeconds: 7);
        _ayon.Store.SetSecret("sg_key", "rotated-but-not-yet-on-the-site");
        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), sync.Value.PollInterval);
        var refused = await Assert.ThrowsAsync<ShotGridException>(() => shotGrid.GetApiUserIdAsync(CancellationToken.None));
        Assert.DoesNotContain("rotated-but-not-yet-on-the-site", refused.ToString());
        Assert.NotNull(refresher.Current.LastChangeAppliedAt);

        // Put the right key back: the next call works again, still without a restart.
        _ayon.Store.SetSecret("sg_key", _shotGrid.ScriptKey);
        await refresher.RefreshAsync(CancellationToken.None);
        Assert.NotNull(await shotGrid.GetApiUserIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnInvalidChangeIsRefusedWithTheSettingNamedAndTheRunningValuesStay()
    {
        SetSettings(pollSeconds: 2);
        _ayon.Store.SetSecret("sg_key", _shotGrid.ScriptKey);
        await using var services = await ServicesAsync();
        var refresher = services.GetRequiredService<AyonAddonSettingsRefresher>();

        SetSettings(pollSeconds: 3, duplicatePolicy: "rename-everything");
        await refresher.RefreshAsync(CancellationToken.None);

        var sync = services.GetRequiredService<IOptions<SyncOptions>>().Value;
        Assert.Equal("suffix", sync.DuplicateNamePolicy);
        Assert.Equal(TimeSpan.FromSeconds(2), sync.PollInterval);
        Assert.Contains("Sync:DuplicateNamePolicy", refresher.Current.LastError);
        Assert.Null(refresher.Current.LastChangeAppliedAt);
    }

    [Fact]
    public async Task AChangedShotGridUrlWaitsForARestartAndSaysSo()
    {
        SetSettings(pollSeconds: 2);
        _ayon.Store.SetSecret("sg_key", _shotGrid.ScriptKey);
        await using var services = await ServicesAsync();
        var refresher = services.GetRequiredService<AyonAddonSettingsRefresher>();

        SetSettings(pollSeconds: 2, url: "https://other-site.shotgrid.autodesk.com");
        await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(_shotGrid.BaseUrl.ToString(), services.GetRequiredService<IOptions<ShotGridOptions>>().Value.Url);
        Assert.Equal(["ShotGrid:Url"], refresher.Current.PendingRestart);
    }

    [Fact]
    public async Task ExplicitConfigurationWinsOverAyonWhichWinsOverAppSettingsJson()
    {
        SetSettings(pollSeconds: 9);
        _ayon.Store.SetSecret("sg_key", _shotGrid.ScriptKey);
        var json = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(json, """{"Sync":{"PollInterval":"00:00:02","DefaultTaskType":"FromJson"},"ShotGrid":{"ProjectCodeField":"code"}}""");
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddJsonFile(json);
            var explicitValues = ServiceEnvironment();
            explicitValues["Sync:DefaultTaskType"] = "FromEnvironment";
            configuration.AddInMemoryCollection(explicitValues);

            await configuration.AddAyonAddonSettingsAsync();

            Assert.Equal("00:00:09", configuration["Sync:PollInterval"]);      // AYON over appsettings.json
            Assert.Equal("FromEnvironment", configuration["Sync:DefaultTaskType"]); // explicit over AYON
            Assert.Equal("sg_code", configuration["ShotGrid:ProjectCodeField"]);  // AYON over appsettings.json
        }
        finally
        {
            File.Delete(json);
        }
    }

    private void SetSettings(int pollSeconds, string duplicatePolicy = "suffix", string? url = null) =>
        _ayon.Store.SetAddonSettings(Addon, Version, new JsonObject
        {
            ["shotgrid_url"] = url ?? _shotGrid.BaseUrl.ToString(),
            ["shotgrid_script_name"] = _shotGrid.ScriptName,
            ["shotgrid_script_key_secret"] = "sg_key",
            ["project_code_field"] = "sg_code",
            ["default_task_type"] = "FromAyon",
            ["duplicate_name_policy"] = duplicatePolicy,
            ["poll_interval_seconds"] = pollSeconds,
        });

    private Dictionary<string, string?> ServiceEnvironment() => new()
    {
        ["AYON_SERVER_URL"] = _ayon.BaseUrl.ToString(),
        ["AYON_API_KEY"] = _ayon.ApiKey,
        ["AYON_ADDON_NAME"] = Addon,
        ["AYON_ADDON_VERSION"] = Version,
    };

    private async Task<ServiceProvider> ServicesAsync()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(ServiceEnvironment());
        var provider = await configuration.AddAyonAddonSettingsAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSyncServices();
        services.AddAyonAddonSettingsRefresh(provider);
        return services.BuildServiceProvider();
    }
}
