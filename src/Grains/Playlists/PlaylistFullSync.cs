using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// The full sync's playlist step, after the hierarchy: every live Playlist of the project is read in one go and each
/// playlist grain brings its AYON list to it (creates, renames, refills; nothing when it matches). What was left out
/// comes back as <c>skipped</c> issues of the job.
/// </summary>
public sealed class PlaylistFullSync(PlaylistReader reader)
{
    private const int Parallel = 8;

    public async Task<IReadOnlyList<SyncIssue>> RunAsync(IGrainFactory grains, string site, long sgProjectId, string ayonProject, CancellationToken cancellationToken)
    {
        var playlists = await reader.ReadProjectAsync(sgProjectId, cancellationToken);

        // Playlists of one name go one after the other, oldest first, so the oldest keeps the plain name as an AYON list
        // label (unique per project) whatever the timing; different names go side by side.
        using var slots = new SemaphoreSlim(Parallel);
        var problems = await Task.WhenAll(playlists.GroupBy(p => p.Value.Code, StringComparer.Ordinal).Select(async sameName =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var issues = new List<SyncIssue>();
                foreach (var p in sameName.OrderBy(p => p.Key))
                {
                    var found = await grains.GetGrain<IShotGridPlaylistGrain>(GrainKeys.Playlist(site, sgProjectId, p.Key)).SyncAsync(ayonProject, p.Value);
                    issues.AddRange(found.Select(reason => new SyncIssue("skipped", PlaylistReader.EntityType, p.Key, p.Value.Code, reason)));
                }

                return issues;
            }
            finally
            {
                slots.Release();
            }
        }));
        return [.. problems.SelectMany(x => x)];
    }
}
