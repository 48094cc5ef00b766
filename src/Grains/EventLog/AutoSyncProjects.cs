using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// The leecher's view of which projects have the ShotGrid checkbox <c>sg_ayon_auto_sync</c> set, re-read once a minute and
/// whenever a project was linked since the last read. One per leecher activation (it holds the last answer).
/// </summary>
internal sealed class AutoSyncProjects(IShotGridClient shotGrid, SyncClock clock)
{
    private HashSet<long>? _projects;
    private HashSet<long> _linkedAtRead = [];
    private DateTimeOffset? _readAt;

    /// <summary>The projects with the box set; null (no narrowing) when the site does not have the field.</summary>
    public async Task<HashSet<long>?> ReadAsync(IReadOnlyList<long> linked)
    {
        if (_readAt is { } readAt && clock.UtcNow - readAt < TimeSpan.FromMinutes(1) && linked.All(_linkedAtRead.Contains))
        {
            return _projects;
        }

        _linkedAtRead = [.. linked];
        try
        {
            var records = await shotGrid.SearchAllAsync("Project", SgFilter.And().Where("sg_ayon_auto_sync", "is", true), ["id"], CancellationToken.None);
            _projects = records.Select(r => r.Id).ToHashSet();
        }
        catch (ShotGridException e) when (e.Status == System.Net.HttpStatusCode.BadRequest)
        {
            // The site has no such field: Sync:RequireAutoSyncField cannot narrow anything.
            _projects = null;
        }

        _readAt = clock.UtcNow;
        return _projects;
    }
}
