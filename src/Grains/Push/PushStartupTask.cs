using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>Starts the site's push follower when a silo starts (idempotent: every silo does it; the grain exists once).</summary>
internal sealed class PushStartupTask(IGrainFactory grains, IOptions<PushOptions> push, IOptions<ShotGridOptions> shotGrid) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) =>
        push.Value.FollowerEnabled
            ? grains.GetGrain<IAyonPushFollowerGrain>(GrainKeys.PushFollower(shotGrid.Value.SiteName)).EnsureRunningAsync()
            : Task.CompletedTask;
}
