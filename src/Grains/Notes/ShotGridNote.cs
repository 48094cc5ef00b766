using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// A ShotGrid Note as the notes sync reads it. <see cref="Links"/> holds both <c>note_links</c> and <c>tasks</c>;
/// <see cref="AyonId"/> (<c>sg_ayon_id</c>) is the AYON comment it was made from, if any.
/// </summary>
public sealed record ShotGridNote(
    long Id, long ProjectId, string? Subject, string Content, IReadOnlyList<SgEntityRef> Links, IReadOnlyList<SgEntityRef> Addressees,
    SgEntityRef? Author, DateTimeOffset CreatedAt, IReadOnlyList<SgEntityRef> Attachments, string? AyonId = null);

/// <summary>A ShotGrid Reply: its text, author and the Note it answers (its thread).</summary>
public sealed record ShotGridReply(long Id, long NoteId, string Content, SgEntityRef? Author, DateTimeOffset CreatedAt, string? AyonId = null);
