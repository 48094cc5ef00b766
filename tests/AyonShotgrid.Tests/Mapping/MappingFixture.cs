using System.Text.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Mapping;

/// <summary>
/// The leecher running, and per-project settings read from the AYON addon's project settings (so each test project can
/// have its own duplicate-name policy, as a studio sets it in AYON).
/// </summary>
public sealed class MappingFixture : SyncFixture
{
    public const string Addon = "shotgrid_orleans";
    public const string AddonVersion = "0.1.0";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Sync:LeecherEnabled"] = "true",
        ["Sync:PollInterval"] = "00:00:00.200",
        ["Sync:SettleWindow"] = "00:05:00",
        ["Sync:LeecherKeepAlivePeriod"] = "00:00:02",
        ["Ayon:AddonName"] = Addon,
        ["Ayon:AddonVersion"] = AddonVersion,
    };

    public ShotGridStore Sg => ShotGrid.Store;

    /// <summary>
    /// An empty ShotGrid project with the given navchains and duplicate-name policy, synced once (so AYON has the project
    /// and the leecher follows it) and with the leecher caught up. Returns the AYON project name and the ShotGrid id.
    /// </summary>
    /// <param name="hierarchy">More AYON project settings (the hierarchy preset and its grouping folders).</param>
    public async Task<(string Name, long ProjectId)> EmptyFollowedProjectAsync(string stem, Dictionary<string, string>? navchains = null, string policy = "suffix", bool applyChanges = false, JsonObject? hierarchy = null)
    {
        var name = TestProjects.UniqueName(stem);
        var projectId = Sg.CreateProject(name, code: name.ToLowerInvariant());
        if (navchains is not null)
        {
            Sg.SetNavchains(projectId, navchains);
        }

        Ayon.Store.SetAddonSettings(Addon, AddonVersion, new JsonObject { ["duplicate_name_policy"] = "suffix" });
        SetProjectSettings(name, policy, hierarchy);
        using var gateway = GatewayClient();
        var job = await gateway.SyncAsync(projectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        if (applyChanges)
        {
            var settings = await gateway.PutAsync($"api/shotgrid/projects/{projectId}/settings", JsonContent(new JsonObject { ["applyChanges"] = true }));
            Assert.True(settings.IsSuccessStatusCode);
        }

        await CaughtUpAsync(projectId);
        return (name, projectId);
    }

    /// <summary>The project's settings in AYON's addon project settings, as a studio sets them there.</summary>
    public void SetProjectSettings(string ayonProject, string policy = "suffix", JsonObject? more = null)
    {
        var settings = new JsonObject { ["duplicate_name_policy"] = policy };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value?.DeepClone();
        }

        Ayon.Store.SetProjectAddonSettings(Addon, AddonVersion, ayonProject, settings);
    }

    /// <summary>Waits until the leecher has applied every event ShotGrid has now (nothing above the watermark is missing).</summary>
    public async Task<JsonElement> CaughtUpAsync(long projectId, TimeSpan? timeout = null)
    {
        var newest = Sg.NewestEventId;
        using var gateway = GatewayClient();
        return await Eventually.WaitAsync(
            () => gateway.ProjectEventsAsync(projectId),
            e => e.GetProperty("enabled").GetBoolean() && e.GetProperty("watermark").GetInt64() >= newest && e.GetProperty("backlog").GetInt32() == 0,
            $"the leecher to apply ShotGrid events up to {newest} of project {projectId}",
            timeout ?? TimeSpan.FromSeconds(60));
    }

    public async Task<JsonElement> ProjectEventsAsync(long projectId)
    {
        using var gateway = GatewayClient();
        return await gateway.ProjectEventsAsync(projectId);
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}

[CollectionDefinition(Name)]
public sealed class MappingCollection : ICollectionFixture<MappingFixture>
{
    public const string Name = "mapping";
}
