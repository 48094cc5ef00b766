using System.Text.Json;
using AyonShotgrid.Contracts;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Browser.Tests;

/// <summary>
/// The silo's Orleans dashboard shows project and leecher state: its GrainState endpoint calls a grain interface's
/// parameterless method named GetState (Microsoft.Orleans.Dashboard 10.4.2, DashboardGrain.GetGrainState).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DashboardStateTests(DemoSetup demo)
{
    [Fact]
    public async Task TheDashboardShowsAProjectGrainsLinkAndCursor()
    {
        // A project of its own, so the page tests' demo project is left as seeded whatever the test order.
        var seeded = ShotGridSeeder.SeedProject(demo.ShotGrid.Store, new SeedSpec("Dashboard Check", Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        using var gateway = demo.GatewayClient();
        var prepared = await gateway.PostAsync($"api/shotgrid/projects/{seeded.ProjectId}/prepare", null);
        var body = await prepared.Content.ReadAsStringAsync();
        Assert.True(prepared.IsSuccessStatusCode, body);
        var ayonProject = JsonDocument.Parse(body).RootElement.GetProperty("ayonProjectName").GetString();

        var state = await GrainStateAsync("AyonShotgrid.Grains.Projects.ShotGridProjectGrain", GrainKeys.Project(demo.Site, seeded.ProjectId));

        var project = state.GetProperty("GetState");
        Assert.Equal(seeded.ProjectId, project.GetProperty("SgProjectId").GetInt64());
        Assert.Equal(ayonProject, project.GetProperty("AyonProjectName").GetString());
        Assert.True(project.GetProperty("Events").GetProperty("Enabled").GetBoolean());
    }

    [Fact]
    public async Task TheDashboardShowsTheLeechersState()
    {
        var state = await GrainStateAsync("AyonShotgrid.Grains.EventLog.ShotGridLeecherGrain", GrainKeys.Leecher(demo.Site));

        var leecher = state.GetProperty("GetState");
        Assert.True(leecher.GetProperty("Running").GetBoolean());
        Assert.Equal(JsonValueKind.Array, leecher.GetProperty("Projects").ValueKind);
    }

    private async Task<JsonElement> GrainStateAsync(string grainType, string grainId)
    {
        using var http = new HttpClient { BaseAddress = demo.SiloUrl, Timeout = TimeSpan.FromSeconds(60) };
        var response = await http.GetAsync($"dashboard/GrainState?grainId={Uri.EscapeDataString(grainId)}&grainType={Uri.EscapeDataString(grainType)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");

        // The endpoint answers a JSON string holding the JSON of the state (the dashboard serialises twice).
        var root = JsonDocument.Parse(body).RootElement;
        var state = root.ValueKind == JsonValueKind.String ? JsonDocument.Parse(root.GetString()!).RootElement : root;
        Assert.False(state.TryGetProperty("error", out var error), $"dashboard error: {error}");
        return state.Clone();
    }
}
