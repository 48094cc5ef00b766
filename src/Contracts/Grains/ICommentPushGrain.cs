using Orleans.Concurrency;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One project's AYON comments → ShotGrid Notes and Replies, while the project's push is on and its notes-to-ShotGrid
/// switch is on: follows the project's <c>activity.*</c> events with a durable cursor of its own. Key:
/// <see cref="GrainKeys.CommentPush"/>.
/// </summary>
[Alias("ayonsg.ICommentPushGrain")]
public interface ICommentPushGrain : IGrainWithStringKey
{
    /// <summary>Reads the project's new activity events and pushes the comments they name; returns how many events it read.</summary>
    [Alias("PollAsync")]
    Task<int> PollAsync();

    [Alias("GetStatusAsync"), AlwaysInterleave]
    Task<CommentPushStatus> GetStatusAsync();
}

/// <summary>What the comment push did: Notes and Replies created, edited and deleted, own events skipped, what it could not do.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.comment-push-status.v1")]
public sealed record CommentPushStatus(
    [property: Id(0)] bool Enabled, [property: Id(1)] string? Cursor, [property: Id(2)] int EventsRead, [property: Id(3)] int OwnEventsSkipped,
    [property: Id(4)] int Created, [property: Id(5)] int Updated, [property: Id(6)] int Deleted, [property: Id(7)] int ShotGridRequests,
    [property: Id(8)] IReadOnlyList<string> Issues, [property: Id(9)] string? LastError);
