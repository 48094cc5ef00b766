using System.Globalization;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Cursor paging over items in creation order; the cursor is the item's creation sequence number.</summary>
internal static class Paging
{
    /// <summary>The server's page size when neither first nor last is given.</summary>
    public const int DefaultPageSize = 100;

    public static Page<T> Slice<T>(IEnumerable<(long Sequence, T Item)> items, int? first, string? after, int? last, string? before)
    {
        // The store keeps items in creation order: sorting is only needed when it does not (a page of a 100,000-task
        // listing sorted them all each time).
        var ordered = items.ToList();
        if (!InOrder(ordered))
        {
            ordered = [.. ordered.OrderBy(i => i.Sequence)];
        }

        if (Parse(after) is { } afterSeq)
        {
            ordered = ordered.Where(i => i.Sequence > afterSeq).ToList();
        }

        if (Parse(before) is { } beforeSeq)
        {
            ordered = ordered.Where(i => i.Sequence < beforeSeq).ToList();
        }

        List<(long Sequence, T Item)> page;
        bool hasNext;
        bool hasPrevious;
        if (last is { } n && first is null)
        {
            // Newest first, as AYON returns `last: N`.
            page = ordered.Skip(Math.Max(0, ordered.Count - n)).Reverse().ToList();
            hasPrevious = ordered.Count > n;
            hasNext = false;
        }
        else
        {
            var size = first ?? DefaultPageSize;
            page = ordered.Take(size).ToList();
            hasNext = ordered.Count > size;
            hasPrevious = after is not null;
        }

        var edges = page.Select(i => new Edge<T>(i.Item, Cursor(i.Sequence))).ToList();
        return new Page<T>(edges, new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }

    private static bool InOrder<T>(List<(long Sequence, T Item)> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Sequence < items[i - 1].Sequence)
            {
                return false;
            }
        }

        return true;
    }

    private static string Cursor(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    private static long? Parse(string? cursor) =>
        long.TryParse(cursor, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
