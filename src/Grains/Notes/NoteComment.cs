namespace AyonShotgrid.Grains.Notes;

/// <summary>An AYON entity a comment is posted on ("folder", "task", "version" and its id).</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.comment-target.v1")]
public sealed record CommentTarget([property: Id(0)] string EntityType, [property: Id(1)] string EntityId);

/// <summary>
/// What AYON should show for one ShotGrid Note or Reply: the same comment on every synced entity the note links to.
/// <paramref name="Author"/> is the linked AYON user (null: the service user writes it, the body names the author).
/// <paramref name="OriginActivity"/> is the AYON comment a Note or Reply was made from (its <c>sg_ayon_id</c>): that
/// comment stands for it in AYON and gets its <paramref name="Text"/> as written in ShotGrid.
/// </summary>
[GenerateSerializer, Immutable, Alias("ayonsg.note-comment.v1")]
public sealed record NoteComment(
    [property: Id(0)] string AyonProject,
    [property: Id(1)] string Body,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string? Author,
    [property: Id(4)] IReadOnlyList<CommentTarget> Targets,
    [property: Id(5)] long NoteId,
    [property: Id(6)] string? OriginActivity = null,
    [property: Id(7)] string? Text = null);

/// <summary>What one note grain call did in AYON.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.note-comment-result.v1")]
public sealed record NoteCommentResult([property: Id(0)] int Created, [property: Id(1)] int Updated, [property: Id(2)] int Deleted)
{
    public static NoteCommentResult None { get; } = new(0, 0, 0);
}
