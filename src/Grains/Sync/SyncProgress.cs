using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Sync;

/// <summary>A progress report of a running sync.</summary>
public sealed record SyncProgress(string Phase, int Percent, SyncCounts Counts, IReadOnlyList<SyncIssue> Issues);

/// <summary>What a finished sync did.</summary>
public sealed record SyncOutcome(SyncCounts Counts, IReadOnlyList<SyncIssue> Issues);
