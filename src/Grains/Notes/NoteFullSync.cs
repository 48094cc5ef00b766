using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Entities;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// Brings a project's existing ShotGrid Notes and Replies into AYON as comments (the notes step of a full sync): pages
/// of 500 notes and one query for the replies of each page, so a project costs about one ShotGrid request per 250
/// notes; each note goes through its grain (the same path as the leecher), so a run after the leecher, or a second
/// run, writes nothing twice.
/// </summary>
public sealed class NoteFullSync(NoteReader reader, NoteCommentPlanner planner)
{
    public sealed record Result(int Notes, int Replies, int Created, int Updated, IReadOnlyList<string> Errors);

    public async Task<Result> RunAsync(IGrainFactory grains, string site, long sgProjectId, string ayonProject, IAyonProjectIndexGrain index, int maxParallel, CancellationToken cancellationToken)
    {
        var users = await index.GetUserLinksAsync();
        var known = new Dictionary<(string, long), CommentTarget?>();
        int notes = 0, replies = 0, created = 0, updated = 0;
        var errors = new List<string>();
        using var slots = new SemaphoreSlim(maxParallel);
        await foreach (var page in reader.ProjectNotesAsync(sgProjectId, cancellationToken))
        {
            var byId = page.ToDictionary(n => n.Id);
            var pageReplies = await reader.RepliesOfAsync(byId.Keys, cancellationToken);
            await reader.AddVersionTargetsAsync(page, known, cancellationToken);
            var work = new List<(string Type, long Id, NoteComment Wanted)>(page.Count + pageReplies.Count);
            foreach (var note in page)
            {
                work.Add((NoteReader.Note, note.Id, planner.ForNote(note, ayonProject, users, await NoteCommentPlanner.TargetsAsync(note, index, known))));
            }

            foreach (var reply in pageReplies)
            {
                var note = byId[reply.NoteId];
                work.Add((NoteReader.Reply, reply.Id, NoteCommentPlanner.ForReply(reply, note, ayonProject, users, await NoteCommentPlanner.TargetsAsync(note, index, known))));
            }

            var results = await Task.WhenAll(work.Select(async w =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    return (w, Result: await grains.GetGrain<INoteCommentGrain>(GrainKeys.NoteComment(site, sgProjectId, w.Type, w.Id)).ApplyAsync(w.Wanted), Error: (Exception?)null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return (w, Result: NoteCommentResult.None, Error: e);
                }
                finally
                {
                    slots.Release();
                }
            }));

            foreach (var (w, result, error) in results)
            {
                created += result.Created;
                updated += result.Updated;
                if (error is not null)
                {
                    errors.Add($"ShotGrid {w.Type} {w.Id}: {error.Message}");
                }
            }

            notes += page.Count;
            replies += pageReplies.Count;
        }

        return new Result(notes, replies, created, updated, errors);
    }
}
