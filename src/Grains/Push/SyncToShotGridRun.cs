using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.FullSync;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// The work of a Sync to ShotGrid job (run by <see cref="SyncJobGrain"/> like a sync from ShotGrid, with its outage
/// handling, resume and status): the push's catalog, then <see cref="ShotGridPusher.PushAllAsync"/>, reported phase by
/// phase, and its outcome as the job's counts, issues and (a dry run) the capped list of creates.
/// </summary>
public sealed class SyncToShotGridRun(ShotGridPusher pusher, PushCatalogLoader catalogs)
{
    public async Task<SyncOutcome> RunAsync(long sgProjectId, string ayonProject, bool dryRun, IProgress<SyncProgress> progress, CancellationToken cancellationToken)
    {
        progress.Report(new SyncProgress("reading the ShotGrid project, its steps and statuses", 2, SyncCounts.Zero, []));
        var catalog = await catalogs.LoadAsync(sgProjectId, ayonProject, cancellationToken);
        var outcome = await pusher.PushAllAsync(ayonProject, catalog, dryRun, (phase, percent) =>
        {
            progress.Report(new SyncProgress(phase, percent, SyncCounts.Zero, []));
            return Task.CompletedTask;
        }, cancellationToken);

        var failed = outcome.Issues.Count(i => i.Kind == "failed");
        var skipped = outcome.Issues.Count(i => i.Kind == "skipped");
        var made = dryRun ? outcome.Planned.Count : outcome.Created;
        var counts = new SyncCounts(outcome.Considered, dryRun ? 0 : outcome.Created, Math.Max(0, outcome.Considered - made - failed - skipped), 0, skipped, failed);
        var listed = outcome.Planned.Take(ProjectSynchronizer.MaxListedChanges).ToList();
        progress.Report(new SyncProgress(dryRun ? "dry run: nothing written" : "done", 100, counts, outcome.Issues));
        return new SyncOutcome(counts, outcome.Issues, listed, outcome.Planned.Count - listed.Count);
    }
}
