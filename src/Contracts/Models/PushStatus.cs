namespace AyonShotgrid.Contracts.Models;

/// <summary>State of one project's AYON → ShotGrid push.</summary>
/// <param name="Enabled">The AYON project attribute <c>shotgridPush</c> as last read.</param>
/// <param name="Cursor">The AYON event stream cursor: every event up to it is done.</param>
/// <param name="EventsRead">AYON events read by the push.</param>
/// <param name="OwnEventsSkipped">Events the cluster's own AYON writes caused, which are never pushed back (echo).</param>
/// <param name="Created">ShotGrid entities created.</param>
/// <param name="Updated">ShotGrid entities updated.</param>
/// <param name="Linked">AYON entities linked to a ShotGrid entity that already carried their id (a create whose link was lost).</param>
/// <param name="ShotGridRequests">ShotGrid write requests (<c>_batch</c>) sent.</param>
/// <param name="HeldByJob">A running Sync to ShotGrid job that holds the event push (polls push nothing until it ends).</param>
[GenerateSerializer, Immutable, Alias("ayonsg.push-status.v1")]
public sealed record PushStatus(
    string? AyonProjectName,
    bool Enabled,
    string? Cursor,
    long EventsRead,
    long OwnEventsSkipped,
    long Created,
    long Updated,
    long Linked,
    long ShotGridRequests,
    IReadOnlyList<SyncIssue> Issues,
    IReadOnlyList<PushConflict> Conflicts,
    string? LastError,
    DateTimeOffset? LastPushAt,
    string? HeldByJob = null);

/// <summary>The same field changed on both sides within one poll: what each side had and which one won.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.push-conflict.v1")]
public sealed record PushConflict(string EntityType, long SgId, string Field, string? AyonValue, string? ShotGridValue, string Winner, DateTimeOffset At);
