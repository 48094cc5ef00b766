namespace AyonShotgrid.Contracts.Models;

/// <summary>Event-following state of one project.</summary>
/// <param name="Enabled">Whether the leecher follows this project.</param>
/// <param name="Watermark">Every event id at or below this is done.</param>
/// <param name="AppliedAbove">Ids above the watermark already applied.</param>
/// <param name="Backlog">Missing ids above the watermark still waited for.</param>
/// <param name="NewestSeenEventId">Newest relevant event id the leecher has seen on the site.</param>
/// <param name="Lag">Newest seen minus watermark, in event ids.</param>
/// <param name="Malformed">Event rows of this project that could not be read as entity events (acknowledged, not applied).</param>
/// <param name="MalformedEvents">The latest of them, "event id: reason".</param>
/// <param name="DeletedBeforeRead">Events whose entity was deleted in ShotGrid before the leecher read them (nothing to create; not in <paramref name="Ignored"/>).</param>
/// <param name="DeletedBeforeReadEvents">The latest 50 of them, "event id: Shot 123 deleted in ShotGrid before the event was read".</param>
[GenerateSerializer, Immutable, Alias("ayonsg.leecher-cursor-status.v1")]
public sealed record LeecherCursorStatus(
    bool Enabled,
    long Watermark,
    int AppliedAbove,
    int Backlog,
    long NewestSeenEventId,
    long Lag,
    long Applied,
    long Ignored,
    long Failed,
    long GivenUp,
    IReadOnlyList<string> LastErrors,
    DateTimeOffset? LastEventAt,
    long Malformed = 0,
    IReadOnlyList<string>? MalformedEvents = null,
    long DeletedBeforeRead = 0,
    IReadOnlyList<string>? DeletedBeforeReadEvents = null);
