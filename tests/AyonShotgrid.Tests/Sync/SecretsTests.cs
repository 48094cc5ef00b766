using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

[Collection(SyncCollection.Name)]
public sealed class SecretsTests(SyncFixture fixture)
{
    [Fact]
    public async Task KeysNeverShowInLogsStatusOrErrorsEvenWhenEverythingFails()
    {
        var name = TestProjects.UniqueName("Secrets");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);

        // Expired tokens (re-authentication), server errors (retries and their log lines), refused writes (failure reports).
        fixture.ShotGrid.Faults.ExpireTokensNow();
        fixture.ShotGrid.Faults.FailNext(2, 500);
        fixture.Ayon.Faults.RejectAllWrites = true;
        System.Text.Json.JsonElement job;
        try
        {
            job = await gateway.SyncAsync(seeded.ProjectId);
        }
        finally
        {
            fixture.Ayon.Faults.RejectAllWrites = false;
        }

        var status = await (await gateway.GetAsync($"api/shotgrid/projects/{seeded.ProjectId}")).Content.ReadAsStringAsync();
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.NotEmpty(fixture.Logs.Lines);
        var tokens = fixture.ShotGrid.IssuedAccessTokens;
        Assert.True(tokens.Count >= 2, "the run must have re-minted its token");
        foreach (var secret in new[] { fixture.ShotGrid.ScriptKey, fixture.Ayon.ApiKey, SyncFixture.GatewayKey }.Concat(tokens))
        {
            Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, job.GetRawText());
            Assert.DoesNotContain(secret, status);
        }
    }
}
