using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>A progress report of a running sync.</summary>
public sealed record SyncProgress(string Phase, int Percent, SyncCounts Counts, IReadOnlyList<SyncIssue> Issues);

/// <summary>What a finished sync did.</summary>
/// <param name="Changes">Fields changed (a dry run: that would change, and the creates it would make), up to a cap.</param>
/// <param name="ChangesOmitted">Changes beyond the cap, counted but not listed.</param>
public sealed record SyncOutcome(SyncCounts Counts, IReadOnlyList<SyncIssue> Issues, IReadOnlyList<SyncChange> Changes, int ChangesOmitted);
