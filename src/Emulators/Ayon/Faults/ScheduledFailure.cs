namespace AyonShotgrid.Emulators.Ayon;

/// <summary>One entry queued by <see cref="AyonFaults.FailNext"/>.</summary>
internal sealed record ScheduledFailure(int Remaining, int Status, TimeSpan? RetryAfter, string? PathContains)
{
    public bool Matches(string path) =>
        PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase);
}
