using System.Net;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Gateway;

[Collection(SyncCollection.Name)]
public sealed class GatewayApiTests(SyncFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-123")]
    public async Task ApiCallsWithoutTheRightKeyAre401AndDoNothing(string? key)
    {
        var name = TestProjects.UniqueName("Auth");
        var projectId = fixture.ShotGrid.Store.CreateProject(name, code: "auth");
        using var gateway = fixture.GatewayClient(apiKey: key);

        var prepare = await gateway.PostAsync($"api/shotgrid/projects/{projectId}/prepare", null);
        var list = await gateway.GetAsync("api/shotgrid/projects");

        Assert.Equal(HttpStatusCode.Unauthorized, prepare.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Null(fixture.Ayon.Store.GetProject(name));
    }

    [Fact]
    public async Task HealthAndOpenApiStayOpenAndTheDocumentDescribesEveryEndpoint()
    {
        using var anonymous = fixture.GatewayClient(apiKey: null);

        var health = await anonymous.GetAsync("health");
        var openApi = await anonymous.GetStringAsync("openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        foreach (var path in new[] { "/api/shotgrid/projects", "/api/shotgrid/projects/{sgProjectId}", "/api/shotgrid/projects/{sgProjectId}/prepare", "/api/shotgrid/projects/{sgProjectId}/sync", "/api/jobs/{jobId}", "/api/shotgrid/leecher", "/api/configuration" })
        {
            Assert.Contains($"\"{path}\"", openApi);
        }
    }

    [Fact]
    public async Task ProjectListAndStatusShowTheLinkAndTheLastSync()
    {
        var name = TestProjects.UniqueName("Listed");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));
        var unlinked = fixture.ShotGrid.Store.CreateProject(TestProjects.UniqueName("Unlinked"), code: "unl");
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(seeded.ProjectId);

        var list = await GatewayCalls.ReadOkAsync(await gateway.GetAsync("api/shotgrid/projects"));
        var status = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{seeded.ProjectId}"));

        var linkedRow = list.EnumerateArray().Single(p => p.GetProperty("sgProjectId").GetInt64() == seeded.ProjectId);
        var unlinkedRow = list.EnumerateArray().Single(p => p.GetProperty("sgProjectId").GetInt64() == unlinked);
        Assert.True(linkedRow.GetProperty("linked").GetBoolean());
        Assert.Equal(name, linkedRow.GetProperty("ayonProjectName").GetString());
        Assert.Equal("succeeded", linkedRow.GetProperty("lastSyncState").GetString());
        Assert.False(unlinkedRow.GetProperty("linked").GetBoolean());
        Assert.Equal(name, status.GetProperty("ayonProjectName").GetString());
        Assert.Equal(job.GetProperty("jobId").GetString(), status.GetProperty("lastSync").GetProperty("jobId").GetString());
        Assert.Equal(job.Count("created"), status.GetProperty("lastSync").GetProperty("counts").GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task AnUnknownJobIs404AndAMalformedJobIdIs400()
    {
        using var gateway = fixture.GatewayClient();

        var unknown = await gateway.GetAsync($"api/jobs/{Guid.NewGuid():N}");
        var malformed = await gateway.GetAsync("api/jobs/not-a-job");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task TheEffectiveConfigurationShowsValuesAndSourcesButNeverASecret()
    {
        using var gateway = fixture.GatewayClient();

        var response = await gateway.GetAsync("api/configuration");
        var body = await response.Content.ReadAsStringAsync();
        var settings = (await GatewayCalls.ReadOkAsync(response)).GetProperty("settings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("key").GetString()!, s => s);

        Assert.Equal(fixture.ShotGrid.BaseUrl.ToString(), settings["ShotGrid:Url"].GetProperty("value").GetString());
        Assert.Equal("in-memory", settings["ShotGrid:Url"].GetProperty("source").GetString());
        Assert.Equal("(set)", settings["ShotGrid:ApiKey"].GetProperty("value").GetString());
        Assert.True(settings["ShotGrid:ApiKey"].GetProperty("secret").GetBoolean());
        Assert.Equal("(set)", settings["Ayon:ApiKey"].GetProperty("value").GetString());
        Assert.Equal("default", settings["Sync:MaxJobAttempts"].GetProperty("source").GetString());
        Assert.Equal("3", settings["Sync:MaxJobAttempts"].GetProperty("value").GetString());
        Assert.DoesNotContain(fixture.ShotGrid.ScriptKey, body);
        Assert.DoesNotContain(fixture.Ayon.ApiKey, body);
    }

    [Fact]
    public async Task ABadBodyAndAnUnknownProjectGet4xxWithAClearMessageAndStartNothing()
    {
        var name = TestProjects.UniqueName("BadBody");
        var projectId = fixture.ShotGrid.Store.CreateProject(name, code: "badbody");
        using var gateway = fixture.GatewayClient();

        var notJson = await gateway.PostAsync($"api/shotgrid/projects/{projectId}/sync", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await gateway.PostAsync($"api/shotgrid/projects/{projectId}/sync", new StringContent("""{"overrideDifferences":"yes"}""", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await gateway.PostAsync("api/shotgrid/projects/987654321/prepare", null);
        var notAnId = await gateway.PostAsync("api/shotgrid/projects/%27%3B%20DROP/prepare", null);

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("request body as JSON", await notJson.Content.ReadAsStringAsync());
        Assert.Contains("overrideDifferences", await wrongType.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("987654321", await unknown.Content.ReadAsStringAsync());
        Assert.True((int)notAnId.StatusCode is >= 400 and < 500);
        Assert.Null(fixture.Ayon.Store.GetProject(name));
        Assert.Null(fixture.Ayon.Store.GetProject("badbody"));
    }
}
