using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// How one leecher round is shared out: per followed project, its events above its watermark (site-wide Pipeline Step
/// events go to every project), the ids still missing and its malformed rows. One project's share is bounded so its call
/// ends well inside Orleans' response timeout: a timed-out call would be delivered again while the first still runs; the
/// rest follows in the next round of the poll. Pure.
/// </summary>
internal static class EventRoundShares
{
    /// <param name="most">The most events one project takes in one call.</param>
    /// <returns>Per project that has something to learn: its batch and how many events it routes; Truncated when a share was cut.</returns>
    public static (IReadOnlyList<(long Project, EventBatch Batch)> Shares, bool Truncated) Split(
        IReadOnlyList<long> projects, IReadOnlyDictionary<long, long> watermarks, IReadOnlyList<EventLogItem> events,
        IReadOnlyList<(long ProjectId, MalformedEvent Event)> unreadable, IReadOnlyList<long> missing, long maxVisible, int most, DateTimeOffset now)
    {
        var siteWide = events.Where(e => e.ProjectId == 0).ToList();
        var byProject = events.Where(e => e.ProjectId != 0).GroupBy(e => e.ProjectId).ToDictionary(g => g.Key, g => g.ToList());
        if (siteWide.Count > 0)
        {
            foreach (var p in projects)
            {
                byProject[p] = [.. byProject.GetValueOrDefault(p) ?? [], .. siteWide];
                byProject[p].Sort((a, b) => a.Id.CompareTo(b.Id));
            }
        }

        var truncated = false;
        var shares = new List<(long, EventBatch)>();
        foreach (var p in projects.Where(p => byProject.ContainsKey(p) || watermarks[p] < maxVisible))
        {
            var mine = byProject.TryGetValue(p, out var list) ? list.Where(e => e.Id > watermarks[p]).ToList() : [];
            var upTo = maxVisible;
            if (mine.Count > most)
            {
                upTo = mine[most].Id - 1;
                mine = mine.Take(most).ToList();
                truncated = true;
            }

            // A malformed row that names no project (a Step row without entity) is reported to every project.
            var malformed = unreadable.Where(u => (u.ProjectId == p || u.ProjectId == 0) && u.Event.Id > watermarks[p] && u.Event.Id <= upTo).Select(u => u.Event).ToList();
            shares.Add((p, new EventBatch(mine, upTo, missing.Where(m => m > watermarks[p] && m <= upTo).ToList(), now, malformed)));
        }

        return (shares, truncated);
    }
}
