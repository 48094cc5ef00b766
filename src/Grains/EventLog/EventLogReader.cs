using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// Reads the ShotGrid event log for the leecher with two queries per poll, whatever the number of projects:
/// the bare id sequence (to tell an id that does not exist yet from one that belongs to another project or event
/// type), and the tracked events of the followed projects in that id range.
/// </summary>
public sealed class EventLogReader(IShotGridClient shotGrid, IOptions<SyncOptions> options)
{
    public const string EntityType = "EventLogEntry";
    private static readonly string[] Kinds = ["New", "Change", "Retirement", "Revival"];
    private static readonly string[] SiteWideTypes = ["Step", "Reply"];
    private static readonly string[] EventFields = ["id", "event_type", "attribute_name", "meta", "entity", "project", "user", "created_at"];

    /// <summary>
    /// Reverse fields ShotGrid keeps in step with a forward link (Sequence.shots for Shot.sg_sequence, Episode.sequences,
    /// Sequence.scenes, Shot/Asset/….tasks for Task.entity). Every linked create or re-link writes a row on the target for
    /// one of them, which the parser would skip anyway (the child's own rows carry the change): they are left on the
    /// server instead of read, parsed and dropped — one in three rows of a stream of linked creates.
    /// </summary>
    internal static readonly string[] ReverseLinkFields = ["shots", "sequences", "scenes", "tasks"];

    /// <summary>
    /// attribute_name is null (New, Retirement, Revival rows) or not a reverse field. Spelled as an "or" with an explicit
    /// null test rather than a bare not_in, so the null rows are kept whatever not_in does with nulls.
    /// </summary>
    private static SgFilter NotABackReference => SgFilter.Or()
        .Where("attribute_name", "is", null)
        .Where("attribute_name", "not_in", ReverseLinkFields);

    /// <summary>Largest id page read per poll: bounds one poll's work while catching up.</summary>
    public const int IdPageSize = 5000;

    /// <summary>The newest event id on the site (0 when the log is empty).</summary>
    public async Task<long> NewestEventIdAsync(CancellationToken cancellationToken)
    {
        var page = await shotGrid.SearchPageAsync(EntityType, SgFilter.And(), ["id"], 1, 1, cancellationToken, sort: "-id");
        return page.Count == 0 ? 0 : page[0].Id;
    }

    /// <summary>Ids above <paramref name="afterId"/>, ascending, at most one page.</summary>
    public async Task<IReadOnlyList<long>> VisibleIdsAsync(long afterId, CancellationToken cancellationToken)
    {
        var page = await shotGrid.SearchPageAsync(EntityType, SgFilter.And().Where("id", "greater_than", afterId), ["id"], 1, IdPageSize, cancellationToken, sort: "id");

        // An id that is not one (read as 0), or one out of the order asked for, must not move the cursor: it is left
        // out, so the real id stays a hole that the settle window gives up on, and the events around it still flow.
        var ids = new List<long>(page.Count);
        foreach (var record in page)
        {
            if (record.Id > (ids.Count > 0 ? ids[^1] : afterId))
            {
                ids.Add(record.Id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Tracked events of <paramref name="projectIds"/> with ids in (afterId, upToId], at most
    /// <see cref="SyncOptions.EventPagesPerRound"/> pages of them, and the rows that could not be read as entity events
    /// (with the project they name, 0 when none). ReadUpTo is the end of the range actually covered: <paramref name="upToId"/>,
    /// or the last id of the last page when that page was full (the rest is read next round).
    /// </summary>
    /// <param name="idsInRange">How many event ids the range holds: no more pages are asked for than that many rows can fill.</param>
    public async Task<(IReadOnlyList<EventLogItem> Events, IReadOnlyList<(long ProjectId, MalformedEvent Event)> Unreadable, long ReadUpTo)> EventsAsync(long afterId, long upToId, int idsInRange, IReadOnlyCollection<long> projectIds, long? ownApiUserId, CancellationToken cancellationToken)
    {
        var tracked = options.Value.TrackedEntityTypes;
        var projectTypes = tracked.Where(t => !SiteWideTypes.Contains(t)).SelectMany(t => Kinds.Select(k => $"Shotgun_{t}_{k}")).ToArray();
        var stepTypes = tracked.Where(SiteWideTypes.Contains).SelectMany(t => Kinds.Select(k => $"Shotgun_{t}_{k}")).ToArray();

        // Steps are site-wide and Replies have no project field (their events carry no project), so they are asked for
        // beside the projects' events; each project keeps the Replies to its own Notes (Notes/NoteEventRouter).
        var scope = SgFilter.Or().Group(SgFilter.And()
            .Where("event_type", "in", projectTypes)
            .Where("project", "in", projectIds.Select(p => new SgEntityRef("Project", p)).ToArray()));
        if (stepTypes.Length > 0)
        {
            scope.Group(SgFilter.And().Where("event_type", "in", stepTypes));
        }

        var filter = SgFilter.And()
            .Where("id", "greater_than", afterId)
            .Where("id", "less_than", upToId + 1)
            .Group(scope)
            .Group(NotABackReference);

        // The first page alone (an ordinary poll has less than a page); in a burst the further pages of the range side by
        // side, by page number. Within a closed id range an offset can only repeat a row (a late-committed row shifting
        // the pages), never skip one the id list showed: a repeat is dropped below, a late row is waited for as missing.
        var pageSize = options.Value.EventPageSize;
        var records = new List<SgRecord>(await shotGrid.SearchPageAsync(EntityType, filter, EventFields, 1, pageSize, cancellationToken, sort: "id"));
        var pages = Math.Min(options.Value.EventPagesPerRound, (idsInRange + pageSize - 1) / pageSize);
        var lastPageFull = records.Count >= pageSize;
        if (lastPageFull && pages > 1)
        {
            var more = await Task.WhenAll(Enumerable.Range(2, pages - 1)
                .Select(n => shotGrid.SearchPageAsync(EntityType, filter, EventFields, n, pageSize, cancellationToken, sort: "id")));
            var seen = records.Select(r => r.Id).ToHashSet();
            records.AddRange(more.SelectMany(page => page).Where(r => seen.Add(r.Id)));
            records.Sort((a, b) => a.Id.CompareTo(b.Id));
            lastPageFull = more[^1].Count >= pageSize;
        }

        var readUpTo = lastPageFull ? records.Max(r => r.Id) : upToId;
        var events = new List<EventLogItem>(records.Count);
        var unreadable = new List<(long, MalformedEvent)>();
        foreach (var record in records)
        {
            var (item, problem) = EventLogParser.Read(record, ownApiUserId);
            if (item is not null)
            {
                events.Add(item);
            }
            else if (problem is not null)
            {
                unreadable.Add((record.GetLink("project") is { Id: > 0 } p ? p.Id : 0, new MalformedEvent(record.Id, problem)));
            }
        }

        return (events, unreadable, readUpTo);
    }
}
