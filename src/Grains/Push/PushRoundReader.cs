using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Reads the AYON events of one push round: pages after the cursor until the stream is drained or the round is full.
/// A burst is pushed in few large rounds rather than one per page, so its ShotGrid lookups and batches are shared
/// (issue 19's figure: at most one ShotGrid request per 50 entities).
/// </summary>
public static class PushRoundReader
{
    /// <summary>What the push follows: folders, tasks, versions and the representations that become PublishedFiles.</summary>
    public static readonly string[] Topics = ["entity.folder.*", "entity.task.*", "entity.version.*", "entity.representation.*"];

    public static async Task<AyonEventPage> ReadAsync(IAyonEventStream stream, string project, string? cursor, int pageSize, int maxEvents, CancellationToken cancellationToken)
    {
        var events = new List<AyonEvent>();
        var end = cursor;
        while (true)
        {
            var page = await stream.ReadEventsAsync(project, Topics, end, pageSize, cancellationToken);
            events.AddRange(page.Events);
            end = page.EndCursor ?? end;
            if (!page.HasNextPage || page.Events.Count == 0 || events.Count >= maxEvents)
            {
                return new AyonEventPage(events, events.Count == 0 ? null : end, page.HasNextPage && page.Events.Count > 0);
            }
        }
    }
}
