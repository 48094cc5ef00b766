namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// One ShotGrid Note or Reply in AYON: which comment activities it has there, one per linked AYON entity. Applies what
/// the note should look like now (or null: it was deleted), so replays and late events converge. Key:
/// <see cref="Contracts.GrainKeys.NoteComment"/>.
/// </summary>
[Alias("ayonsg.INoteCommentGrain")]
public interface INoteCommentGrain : IGrainWithStringKey
{
    [Alias("ApplyAsync")]
    Task<NoteCommentResult> ApplyAsync(NoteComment? wanted);

    /// <summary>
    /// This Note or Reply was made from the AYON comment <paramref name="activityId"/> (the comment push): that comment is
    /// its comment in AYON, and <paramref name="text"/> is what ShotGrid holds now, so only a later edit in ShotGrid
    /// changes the comment.
    /// </summary>
    [Alias("AdoptAsync")]
    Task AdoptAsync(string ayonProject, string activityId, string text);
}
