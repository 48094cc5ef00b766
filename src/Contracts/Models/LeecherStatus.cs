namespace AyonShotgrid.Contracts.Models;

/// <summary>The site leecher's own state.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.leecher-status.v1")]
public sealed record LeecherStatus(
    bool Running,
    IReadOnlyList<long> Projects,
    long LowestWatermark,
    long NewestSeenEventId,
    long Polls,
    long EventsRouted,
    DateTimeOffset? LastPollAt,
    string? LastError,
    DateTimeOffset? LastErrorAt);
