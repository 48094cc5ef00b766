namespace AyonShotgrid.Contracts.Models;

/// <summary>The site leecher's own state.</summary>
/// <param name="FailedPollsInARow">Polls that failed since the last one that worked (0 when polling works).</param>
/// <param name="WaitingFor">"ShotGrid" (or "AYON") while polling fails because that server is unreachable; the cursors stay where they are.</param>
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
    DateTimeOffset? LastErrorAt,
    int FailedPollsInARow = 0,
    string? WaitingFor = null);
