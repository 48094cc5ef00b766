using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Hosting;

/// <summary>Starts the site leecher when a silo starts (idempotent: every silo does it; the grain exists once).</summary>
internal sealed class LeecherStartupTask(IGrainFactory grains, IOptions<SyncOptions> sync, IOptions<ShotGridOptions> shotGrid) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) =>
        sync.Value.LeecherEnabled
            ? grains.GetGrain<IShotGridLeecherGrain>(GrainKeys.Leecher(shotGrid.Value.SiteName)).EnsureRunningAsync()
            : Task.CompletedTask;
}
