using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;

namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>Rounds of both directions at once: the leecher's poll, then the push follower's, a few times over.</summary>
public static class BothDirections
{
    public static async Task RoundsAsync(SyncFixture fixture, int rounds = 3)
    {
        var leecher = fixture.Cluster.Client.GetGrain<IShotGridLeecherGrain>(GrainKeys.Leecher(fixture.Site));
        var follower = fixture.Cluster.Client.GetGrain<IAyonPushFollowerGrain>(GrainKeys.PushFollower(fixture.Site));
        for (var round = 0; round < rounds; round++)
        {
            await leecher.PollNowAsync();
            await follower.PollNowAsync();
        }
    }
}
