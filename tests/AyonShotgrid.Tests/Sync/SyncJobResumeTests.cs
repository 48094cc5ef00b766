using System.Net.Http.Json;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Sync;

[Collection(SyncCollection.Name)]
public sealed class SyncJobResumeTests(SyncFixture fixture)
{
    [Fact]
    public async Task AJobWhoseActivationIsLostMidRunResumesAndCreatesEverythingExactlyOnce()
    {
        var name = TestProjects.UniqueName("Resume");
        var seeded = ShotGridSeeder.SeedProject(fixture.ShotGrid.Store, new SeedSpec(name, Episodes: 1, SequencesPerEpisode: 3, ShotsPerSequence: 10, Assets: 10, TasksPerEntity: 2));
        using var gateway = fixture.GatewayClient();
        await gateway.PrepareAsync(seeded.ProjectId);
        // The first batch goes through; the one after it is held in AYON until the job's activation is gone, so the job is
        // mid-run when it is lost however fast the rest would go (several batches are in flight at once).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Ayon.Faults.BeforeNextOperations(name, _ =>
        {
            fixture.Ayon.Faults.BeforeNextOperations(name, _ => release.Task);
            return Task.CompletedTask;
        });
        System.Text.Json.JsonElement final;
        try
        {
            var started = await GatewayCalls.ReadOkAsync(await gateway.PostAsJsonAsync($"api/shotgrid/projects/{seeded.ProjectId}/sync", new { }));
            var jobId = started.GetProperty("jobId").GetString()!;
            var job = fixture.Cluster.Client.GetGrain<ISyncJobGrain>(GrainKeys.Job(Guid.ParseExact(jobId, "N")));
            await Eventually.WaitAsync(job.GetStatusAsync, s => s is { Counts.Created: > 0 }, "the job to create its first batch");

            await fixture.Cluster.DeactivateAsync(job);
            release.SetResult();

            final = await Eventually.WaitAsync(
                async () => await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/jobs/{jobId}")),
                j => j.GetProperty("state").GetString() is "succeeded" or "failed",
                "the resumed job to finish",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            release.TrySetResult();
        }

        var total = final.Count("total");
        Assert.Equal("succeeded", final.GetProperty("state").GetString());
        Assert.Equal(2, final.GetProperty("attempt").GetInt32());
        Assert.Equal(total, final.Count("created") + final.Count("alreadyPresent"));
        var keys = fixture.Ayon.Store.Folders(name).Select(f => TestProjects.Attrib(f.Attrib, "shotgridType") + ":" + TestProjects.Attrib(f.Attrib, "shotgridId"))
            .Concat(fixture.Ayon.Store.Tasks(name).Select(t => "Task:" + TestProjects.Attrib(t.Attrib, "shotgridId")))
            .ToList();
        Assert.Equal(total, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
