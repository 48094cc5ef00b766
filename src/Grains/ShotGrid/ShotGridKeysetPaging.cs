namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Reads every match of a search in id order, one page after another, each page asking for ids above the last one read
/// (keyset paging) instead of for page number N. A page number is an offset: the server walks past every earlier match
/// again for each page (quadratic over a large project), and an entity retired or created mid-read shifts the pages, so
/// one record is skipped or read twice. An id bound does neither.
/// </summary>
public static class ShotGridKeysetPaging
{
    public static Task<List<SgRecord>> SearchAllByIdAsync(
        this IShotGridClient shotGrid, string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageSize,
        CancellationToken cancellationToken, bool retiredOnly = false) =>
        shotGrid.SearchAllByIdAsync(entityType, filter, fields, pageSize, static r => r, cancellationToken, retiredOnly);

    /// <summary>
    /// As above, turning each record into what the caller keeps as its page arrives: a page's parsed answer is then let
    /// go at once instead of living until the last page (80,000 tasks held as records were most of a sync's heap).
    /// </summary>
    /// <param name="afterId">Start above this id (an id range read side by side with others); the bound stays at the
    /// top level of the filter, where a server answers it from its id index.</param>
    public static async Task<List<T>> SearchAllByIdAsync<T>(
        this IShotGridClient shotGrid, string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageSize,
        Func<SgRecord, T> select, CancellationToken cancellationToken, bool retiredOnly = false, long? afterId = null)
    {
        var all = new List<T>();
        var lastId = afterId;
        while (true)
        {
            var bounded = SgFilter.And().Group(filter);
            if (lastId is { } after)
            {
                bounded.Where("id", "greater_than", after);
            }

            var page = await shotGrid.SearchPageAsync(entityType, bounded, fields, 1, pageSize, cancellationToken, sort: "id", retiredOnly);
            all.AddRange(page.Select(select));
            if (page.Count < pageSize)
            {
                return all;
            }

            // The highest id, not the last record's: a record whose id could not be read (0) must not restart the walk.
            var highest = page.Max(r => r.Id);
            if (lastId is { } previous && highest <= previous)
            {
                throw new ShotGridException($"ShotGrid answered a {entityType} search for ids above {previous} with ids up to {highest}; it seems to ignore the id filter.");
            }

            lastId = highest;
        }
    }
}
