namespace AyonShotgrid.Contracts.Models;

/// <summary>The project's mirror of applied ShotGrid events into AYON's event log (topic <c>shotgrid.event</c>).</summary>
/// <param name="Queued">Applied events waiting to be posted (the backlog).</param>
/// <param name="Posted">Events AYON took.</param>
/// <param name="AlreadyThere">Events AYON already had (same hash: a repeat after a lost answer or a restart).</param>
/// <param name="Refused">Events AYON refused for good (a 4xx other than 409): dropped, the reason in <paramref name="LastError"/>.</param>
/// <param name="DroppedOverLimit">Events dropped because the queue was full (<c>Sync:MirrorQueueLimit</c>) during a long outage.</param>
/// <param name="LastError">The last failure, while AYON has not taken an event since.</param>
/// <param name="RetryAt">When the next attempt is due while the mirror backs off after failures; null when it is not waiting.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.event-mirror-status.v1")]
public sealed record EventMirrorStatus(
    bool Enabled,
    int Queued,
    long Posted,
    long AlreadyThere,
    long Refused,
    long DroppedOverLimit,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? RetryAt,
    DateTimeOffset? LastPostedAt);
