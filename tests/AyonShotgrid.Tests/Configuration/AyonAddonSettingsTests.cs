using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace AyonShotgrid.Tests.Configuration;

public sealed class AyonAddonSettingsTests : IAsyncLifetime
{
    private AyonEmulator _ayon = null!;

    public async Task InitializeAsync() => _ayon = await AyonEmulator.StartAsync();

    public async Task DisposeAsync() => await _ayon.DisposeAsync();

    [Fact]
    public async Task AsAnAyonServiceTheShotGridConnectionComesFromAddonSettingsAndTheKeyFromASecret()
    {
        _ayon.Store.SetAddonSettings("shotgrid_orleans", "0.1.0", new JsonObject
        {
            ["shotgrid_url"] = "https://studio.shotgrid.autodesk.com",
            ["shotgrid_script_name"] = "ayon_connector",
            ["shotgrid_script_key_secret"] = "sg_script_key",
            ["project_code_field"] = "sg_code",
            ["poll_interval_seconds"] = 5,
            ["mirror_events"] = false,
            ["apply_changes"] = true,
            ["attribute_map"] = new JsonArray(new JsonObject { ["entity_type"] = "Shot", ["shotgrid_field"] = "sg_cut_in", ["ayon_attribute"] = "clipIn" }),
        });
        _ayon.Store.SetSecret("sg_script_key", "the-script-key");
        var configuration = ServiceConfiguration(new() { ["ShotGrid:ScriptName"] = "explicitly_set" });

        await configuration.AddAyonAddonSettingsAsync();

        Assert.Equal("https://studio.shotgrid.autodesk.com", configuration["ShotGrid:Url"]);
        Assert.Equal("explicitly_set", configuration["ShotGrid:ScriptName"]);
        Assert.Equal("the-script-key", configuration["ShotGrid:ApiKey"]);
        Assert.Equal("sg_code", configuration["ShotGrid:ProjectCodeField"]);
        Assert.Equal("00:00:05", configuration["Sync:PollInterval"]);
        Assert.Equal("false", configuration["Sync:MirrorEventsToAyon"]);
        Assert.Equal("true", configuration["Sync:ApplyChanges"]);
        Assert.Equal("clipIn", configuration["Sync:AttributeMap:Shot:sg_cut_in"]);
    }

    [Fact]
    public async Task AMissingAddonStopsStartUpWithAMessageSayingWhatToDo()
    {
        var configuration = ServiceConfiguration(new() { ["AYON_ADDON_NAME"] = "not_installed" });

        var error = await Assert.ThrowsAsync<UnusableSettingException>(() => configuration.AddAyonAddonSettingsAsync());

        Assert.Contains("not_installed", error.Message);
        Assert.DoesNotContain(_ayon.ApiKey, error.Message);
    }

    /// <summary>As the service host starts us; values in a source (not set through the indexer, which a source insert discards).</summary>
    private ConfigurationManager ServiceConfiguration(Dictionary<string, string?> extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["AYON_SERVER_URL"] = _ayon.BaseUrl.ToString(),
            ["AYON_API_KEY"] = _ayon.ApiKey,
            ["AYON_ADDON_NAME"] = "shotgrid_orleans",
            ["AYON_ADDON_VERSION"] = "0.1.0",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values);
        return configuration;
    }
}
