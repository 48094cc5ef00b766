namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// A project's position in the ShotGrid event log. ShotGrid allocates event ids when a transaction starts and
/// shows them when it commits, so a lower id can appear after higher ones. The cursor therefore keeps:
/// a <see cref="Watermark"/> (every id at or below it is done), the ids above it already applied, and a backlog of
/// ids not yet visible, each waited for up to a settle window before it is given up.
/// Pure and serializable: the project grain persists it after every poll.
/// </summary>
[GenerateSerializer, Alias("ayonsg.event-cursor.v1")]
public sealed class EventCursor
{
    [Id(0)] public long Watermark { get; set; }

    [Id(1)] public SortedSet<long> AppliedAbove { get; set; } = [];

    /// <summary>Missing id → when it was first seen missing.</summary>
    [Id(2)] public SortedDictionary<long, DateTimeOffset> Backlog { get; set; } = [];

    [Id(3)] public long GivenUp { get; set; }

    [Id(4)] public long NewestSeen { get; set; }

    public bool IsDone(long id) => id <= Watermark || AppliedAbove.Contains(id);

    /// <summary>Takes note of a poll: new holes enter the backlog, holes that are now visible leave it.</summary>
    public void Observe(long maxVisibleId, IReadOnlyCollection<long> missingIds, DateTimeOffset now)
    {
        NewestSeen = Math.Max(NewestSeen, maxVisibleId);
        var missing = missingIds.Where(id => id > Watermark).ToHashSet();
        foreach (var id in Backlog.Keys.Where(id => id <= maxVisibleId && !missing.Contains(id)).ToList())
        {
            Backlog.Remove(id);
        }

        foreach (var id in missing)
        {
            Backlog.TryAdd(id, now);
        }
    }

    public void MarkApplied(long id)
    {
        if (id > Watermark)
        {
            AppliedAbove.Add(id);
        }
    }

    /// <summary>Gives up holes older than the settle window; returns how many.</summary>
    public int GiveUpExpired(DateTimeOffset now, TimeSpan settleWindow)
    {
        var expired = Backlog.Where(b => now - b.Value >= settleWindow).Select(b => b.Key).ToList();
        foreach (var id in expired)
        {
            Backlog.Remove(id);
        }

        GivenUp += expired.Count;
        return expired.Count;
    }

    /// <summary>
    /// Moves the watermark as far as is safe: up to <paramref name="maxVisibleId"/>, but below the oldest hole still
    /// waited for and below <paramref name="firstUnfinishedId"/> (an event that could not be applied yet).
    /// </summary>
    public void Advance(long maxVisibleId, long? firstUnfinishedId)
    {
        var limit = maxVisibleId;
        if (Backlog.Count > 0)
        {
            limit = Math.Min(limit, Backlog.Keys.First() - 1);
        }

        if (firstUnfinishedId is { } unfinished)
        {
            limit = Math.Min(limit, unfinished - 1);
        }

        if (limit > Watermark)
        {
            Watermark = limit;
            AppliedAbove.RemoveWhere(id => id <= Watermark);
        }
    }
}
