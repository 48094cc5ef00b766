using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Reads every match of a search as several id ranges read side by side. The first page (in id order) and the highest
/// id are asked for at once; when the first page is full, the ids above it are cut into ranges sized from the first
/// page's id density, each read as its own keyset chain. A chain of pages each waiting for the last id of the one
/// before costs one round trip per page; against a distant site that chain was most of a full sync.
/// </summary>
public static class ShotGridIdRanges
{
    /// <summary>Pages one range is meant to hold: fewer ranges than that add a short last page each for little gain.</summary>
    public const int PagesPerRange = 8;

    public static async Task<List<T>> SearchAllAsync<T>(
        IShotGridClient shotGrid, string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageSize, int maxRanges,
        Func<SgRecord, T> select, CancellationToken cancellationToken)
    {
        var firstPage = shotGrid.SearchPageAsync(entityType, filter, fields, 1, pageSize, cancellationToken, sort: "id");
        var highestPage = shotGrid.SearchPageAsync(entityType, filter, ["id"], 1, 1, cancellationToken, sort: "-id");
        await Task.WhenAll(firstPage, highestPage);
        var first = firstPage.Result;
        var all = first.Select(select).ToList();
        var lastId = first.Count == 0 ? 0 : first.Max(r => r.Id);
        var highest = highestPage.Result.Count > 0 ? highestPage.Result[0].Id : lastId;
        if (first.Count < pageSize || highest <= lastId)
        {
            return all;
        }

        var lowest = first.Where(r => r.Id > 0).Select(r => r.Id).DefaultIfEmpty(lastId).Min();
        var density = (double)first.Count / Math.Max(1, lastId - lowest + 1);
        var pagesLeft = (highest - lastId) * density / pageSize;
        var ranges = (int)Math.Clamp(Math.Ceiling(pagesLeft / PagesPerRange), 1, Math.Max(1, maxRanges));
        var span = Math.Max(1, (highest - lastId + ranges - 1) / ranges);
        var reads = Enumerable.Range(0, ranges).Select(i =>
        {
            var after = lastId + (i * span);

            // The last range has no upper bound: what was created above the highest id meanwhile is read as well.
            var bounded = i == ranges - 1 ? filter : SgFilter.And().Group(filter).Where("id", "less_than", after + span + 1);
            return shotGrid.SearchAllByIdAsync(entityType, bounded, fields, pageSize, select, cancellationToken, afterId: after);
        }).ToList();
        foreach (var range in await Task.WhenAll(reads))
        {
            all.AddRange(range);
        }

        return all;
    }
}
