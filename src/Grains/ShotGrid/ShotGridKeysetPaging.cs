namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Reads every match of a search in id order, one page after another, each page asking for ids above the last one read
/// (keyset paging) instead of for page number N. A page number is an offset: the server walks past every earlier match
/// again for each page (quadratic over a large project), and an entity retired or created mid-read shifts the pages, so
/// one record is skipped or read twice. An id bound does neither.
/// </summary>
public static class ShotGridKeysetPaging
{
    public static async Task<IReadOnlyList<SgRecord>> SearchAllByIdAsync(
        this IShotGridClient shotGrid, string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageSize,
        CancellationToken cancellationToken, bool retiredOnly = false)
    {
        var all = new List<SgRecord>();
        long? lastId = null;
        while (true)
        {
            var bounded = SgFilter.And().Group(filter);
            if (lastId is { } after)
            {
                bounded.Where("id", "greater_than", after);
            }

            var page = await shotGrid.SearchPageAsync(entityType, bounded, fields, 1, pageSize, cancellationToken, sort: "id", retiredOnly);
            if (page.Count > 0 && lastId is { } previous && page[0].Id <= previous)
            {
                throw new ShotGridException($"ShotGrid answered a {entityType} search for ids above {previous} with id {page[0].Id}; it seems to ignore the id filter.");
            }

            all.AddRange(page);
            if (page.Count < pageSize)
            {
                return all;
            }

            lastId = page[^1].Id;
        }
    }
}
