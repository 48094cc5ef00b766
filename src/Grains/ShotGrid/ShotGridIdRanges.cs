using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Reads every match of a search as many small id ranges, several at once, handed over in id order. The first page (in
/// id order) and the highest id are asked for together; when the first page is full, the ids above it are cut into
/// ranges of about <see cref="PagesPerRange"/> pages (from the first page's id density), each read as its own short
/// keyset chain. A chain of pages each waiting for the last id of the one before costs one round trip per page; against
/// a distant site that chain was most of a full sync. Ranges start in id order, at most <c>window</c> read or waiting
/// to be taken at once, so the caller can plan and write the low ids while the high ones are still read, and never
/// holds more than a window of ranges.
/// </summary>
public static class ShotGridIdRanges
{
    /// <summary>
    /// Pages one range is meant to hold: a range ends in a short page (a full one would need one more request to see the
    /// end), so a range of 1.8 pages is two requests for 1.8 pages' worth, and 10 % more matches than the first page's
    /// density predicted still fit.
    /// </summary>
    public const double PagesPerRange = 1.8;

    /// <summary>Every match, in id order (ranges joined).</summary>
    public static async Task<List<T>> SearchAllAsync<T>(
        IShotGridClient shotGrid, string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageSize, int window,
        Func<SgRecord, T> select, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        await SearchInOrderAsync(shotGrid, entityType, filter, fields, pageSize, window, select, range =>
        {
            all.AddRange(range);
            return Task.CompletedTask;
        }, cancellationToken);
        return all;
    }

    /// <summary>
    /// Hands every match to <paramref name="take"/> a range at a time, in id order, one call after another. While a
    /// call runs, up to <paramref name="window"/> later ranges are read (a slow taker holds the read back, so what is
    /// read and not yet taken stays bounded).
    /// </summary>
    public static async Task SearchInOrderAsync<T>(
        IShotGridClient shotGrid, string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageSize, int window,
        Func<SgRecord, T> select, Func<IReadOnlyList<T>, Task> take, CancellationToken cancellationToken)
    {
        // Reads and parsing on the thread pool: the caller (a grain) takes each range on its own thread, in turn.
        var firstPage = Task.Run(() => shotGrid.SearchPageAsync(entityType, filter, fields, 1, pageSize, cancellationToken, sort: "id"), cancellationToken);
        var highestPage = Task.Run(() => shotGrid.SearchPageAsync(entityType, filter, ["id"], 1, 1, cancellationToken, sort: "-id"), cancellationToken);
        await Task.WhenAll(firstPage, highestPage);
        var first = firstPage.Result;
        var lastId = first.Count == 0 ? 0 : first.Max(r => r.Id);
        var highest = highestPage.Result.Count > 0 ? highestPage.Result[0].Id : lastId;
        await take(await Task.Run(() => first.Select(select).ToList(), cancellationToken));
        if (first.Count < pageSize || highest <= lastId)
        {
            return;
        }

        var lowest = first.Where(r => r.Id > 0).Select(r => r.Id).DefaultIfEmpty(lastId).Min();
        var density = (double)first.Count / Math.Max(1, lastId - lowest + 1);
        var span = Math.Max(1, (long)Math.Floor(PagesPerRange * pageSize / density));
        var ranges = (highest - lastId + span - 1) / span;
        var pending = new Queue<Task<List<T>>>();
        var next = 0L;
        try
        {
            while (next < ranges || pending.Count > 0)
            {
                while (next < ranges && pending.Count < Math.Max(1, window))
                {
                    var after = lastId + (next * span);

                    // The last range has no upper bound: what was created above the highest id meanwhile is read as well.
                    var bounded = next == ranges - 1 ? filter : SgFilter.And().Group(filter).Where("id", "less_than", after + span + 1);
                    pending.Enqueue(Task.Run(() => shotGrid.SearchAllByIdAsync(entityType, bounded, fields, pageSize, select, cancellationToken, afterId: after), cancellationToken));
                    next++;
                }

                await take(await pending.Dequeue());
            }
        }
        finally
        {
            // A failed read or taker fails the whole read; the ranges still out are waited for, not left unobserved.
            foreach (var left in pending)
            {
                try
                {
                    await left;
                }
                catch (Exception)
                {
                    // The first failure is the one reported.
                }
            }
        }
    }
}
