using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// What one leecher round read of the event log above the lowest project watermark: the visible ids up to
/// <paramref name="MaxVisible"/> (every id up to it was checked), the tracked events, the rows that are no entity
/// event, the ids not visible yet (possibly committed late), and whether the range was cut short (more is waiting).
/// </summary>
internal sealed record EventRound(
    IReadOnlyList<long> Ids,
    long MaxVisible,
    IReadOnlyList<EventLogItem> Events,
    IReadOnlyList<(long ProjectId, MalformedEvent Event)> Unreadable,
    IReadOnlyList<long> Missing,
    bool Capped)
{
    /// <summary>At most this many missing ids are tracked per round.</summary>
    private const int MaxMissingTracked = 10_000;

    /// <summary>
    /// A round reads at most Sync:EventPagesPerRound pages of tracked events: over the whole id page when the followed
    /// projects' events are sparse in it (other projects' events are skipped 5,000 ids at a time), up to the last event
    /// read otherwise (the rest is the next round's).
    /// </summary>
    public static async Task<EventRound> ReadAsync(EventLogReader reader, long low, IReadOnlyCollection<long> projects, long? ownApiUser, CancellationToken cancellationToken)
    {
        var ids = await reader.VisibleIdsAsync(low, cancellationToken);
        var maxVisible = ids.Count > 0 ? ids[^1] : low;
        var (events, unreadable, readUpTo) = ids.Count > 0
            ? await reader.EventsAsync(low, maxVisible, ids.Count, projects, ownApiUser, cancellationToken)
            : ([], [], low);
        var capped = readUpTo < maxVisible;
        if (capped)
        {
            maxVisible = readUpTo;
            ids = ids.Where(id => id <= maxVisible).ToList();
        }

        var visible = new HashSet<long>(ids);
        visible.UnionWith(events.Select(e => e.Id));
        visible.UnionWith(unreadable.Select(u => u.Event.Id));
        var missing = new List<long>();
        for (var id = low + 1; id < maxVisible && missing.Count < MaxMissingTracked; id++)
        {
            if (!visible.Contains(id))
            {
                missing.Add(id);
            }
        }

        return new EventRound(ids, maxVisible, events, unreadable, missing, capped);
    }
}
