namespace AyonShotgrid.Grains;

/// <summary>The bounded "latest N" lists grain states keep for their status (issues, conflicts): newest last, oldest dropped.</summary>
public static class KeptLatest
{
    public const int Max = 100;

    public static void Append<T>(List<T> list, IEnumerable<T> items, int max = Max)
    {
        list.AddRange(items);
        if (list.Count > max)
        {
            list.RemoveRange(0, list.Count - max);
        }
    }
}
