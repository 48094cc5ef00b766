using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Projects;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// The leecher's route for Playlist events: the playlists of a page are read in one go (<see cref="PlaylistReader"/>),
/// then each playlist grain gets its events and its snapshot, side by side. A grain that throws (an outage) leaves its
/// events undone, so the project's cursor stays before them and they come again next poll.
/// </summary>
internal static class PlaylistEventRouter
{
    public static bool Handles(EventLogItem e) => e.EntityType == PlaylistReader.EntityType;

    public static async Task<ProjectEventRouter.Outcome> RouteAsync(
        IGrainFactory grains, PlaylistReader reader, string site, long sgProjectId, string ayonProject, IReadOnlyList<EventLogItem> events)
    {
        var own = events.Where(e => e.ByOwnUser).Select(e => e.Id).ToList();
        var groups = events.Where(e => !e.ByOwnUser).GroupBy(e => e.EntityId).Select(g => g.OrderBy(e => e.Id).ToList()).ToList();
        if (groups.Count == 0)
        {
            return new ProjectEventRouter.Outcome(0, own.Count, 0, own, null, [], []);
        }

        IReadOnlyDictionary<long, PlaylistSnapshot> read;
        try
        {
            read = await reader.ReadAsync(sgProjectId, groups.Select(g => g[0].EntityId).ToList(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ProjectEventRouter.Outcome(0, own.Count, 0, own, groups.Min(g => g[0].Id), [$"Playlists: will retry from event {groups.Min(g => g[0].Id)}: {e.Message}"], []);
        }

        var results = await Task.WhenAll(groups.Select(async g =>
        {
            try
            {
                var grain = grains.GetGrain<IShotGridPlaylistGrain>(GrainKeys.Playlist(site, sgProjectId, g[0].EntityId));
                return (Events: g, Result: await grain.ApplyAsync(ayonProject, g, read.GetValueOrDefault(g[0].EntityId) ?? PlaylistReader.Gone), Error: (Exception?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (Events: g, Result: (EntityApplyResult?)null, Error: e);
            }
        }));

        var done = new List<long>(own);
        var errors = new List<string>();
        int applied = 0, ignored = own.Count;
        long? firstUnfinished = null;
        foreach (var (group, result, error) in results)
        {
            if (result is null)
            {
                firstUnfinished = Math.Min(firstUnfinished ?? long.MaxValue, group[0].Id);
                errors.Add($"Playlist {group[0].EntityId}: will retry from event {group[0].Id}: {error!.Message}");
                continue;
            }

            applied += result.Applied;
            ignored += result.Ignored;
            errors.AddRange(result.Errors);
            done.AddRange(group.Select(e => e.Id));
        }

        return new ProjectEventRouter.Outcome(applied, ignored, 0, done, firstUnfinished, errors, []);
    }

    /// <summary>Both routes' outcomes as one (the project grain records a single outcome per batch).</summary>
    public static ProjectEventRouter.Outcome Merge(ProjectEventRouter.Outcome a, ProjectEventRouter.Outcome b) => new(
        a.Applied + b.Applied, a.Ignored + b.Ignored, a.Failed + b.Failed, [.. a.DoneIds, .. b.DoneIds],
        (a.FirstUnfinishedId, b.FirstUnfinishedId) switch { (null, var y) => y, (var x, null) => x, (var x, var y) => Math.Min(x!.Value, y!.Value) },
        [.. a.Errors, .. b.Errors], [.. a.Gone, .. b.Gone]);
}
