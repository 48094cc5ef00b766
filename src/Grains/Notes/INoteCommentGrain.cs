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
}
