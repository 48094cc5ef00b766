using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Entities;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// Applies one round's Note and Reply events of a project: one ShotGrid query for the round's Replies and one for the
/// Notes (theirs and the Replies' notes), then each note's grain with what it should look like now. Replies carry no
/// project in ShotGrid's event log, so every followed project sees them: a Reply whose Note is not this project's is
/// skipped here (its own project applies it).
/// </summary>
public sealed class NoteEventRouter(NoteReader reader, NoteCommentPlanner planner)
{
    public sealed record Outcome(int Applied, int Ignored, IReadOnlyList<long> DoneIds, long? FirstUnfinishedId, IReadOnlyList<string> Errors);

    public static bool IsNoteEvent(EventLogItem e) => e.EntityType is NoteReader.Note or NoteReader.Reply;

    public async Task<Outcome> RouteAsync(
        IGrainFactory grains, string site, long sgProjectId, string ayonProject, IAyonProjectIndexGrain index,
        IReadOnlyList<EventLogItem> events, int maxParallel)
    {
        var done = new List<long>();
        var ignored = 0;

        // The cluster's own writes (notes it pushed from AYON) are not brought back.
        foreach (var own in events.Where(e => e.ByOwnUser))
        {
            done.Add(own.Id);
            ignored++;
        }

        var groups = events.Where(e => !e.ByOwnUser).GroupBy(e => (e.EntityType, e.EntityId)).Select(g => g.OrderBy(e => e.Id).ToList()).ToList();
        if (groups.Count == 0)
        {
            return new Outcome(0, ignored, done, null, []);
        }

        static bool Live(List<EventLogItem> g) => g[^1].Kind != "Retirement";
        var replies = await reader.RepliesAsync(groups.Where(g => g[0].EntityType == NoteReader.Reply && Live(g)).Select(g => g[0].EntityId).ToList(), CancellationToken.None);
        var noteIds = groups.Where(g => g[0].EntityType == NoteReader.Note && Live(g)).Select(g => g[0].EntityId).Concat(replies.Values.Select(r => r.NoteId)).ToList();
        var notes = await reader.NotesAsync(sgProjectId, noteIds, CancellationToken.None);
        var users = await index.GetUserLinksAsync();
        var known = new Dictionary<(string, long), CommentTarget?>();
        await reader.AddVersionTargetsAsync(notes.Values, known, CancellationToken.None);
        var work = new List<(List<EventLogItem> Events, NoteComment? Wanted)>();
        foreach (var g in groups)
        {
            var (type, id) = (g[0].EntityType, g[0].EntityId);
            if (type == NoteReader.Note)
            {
                var note = Live(g) ? notes.GetValueOrDefault(id) : null;
                work.Add((g, note is null ? null : planner.ForNote(note, ayonProject, users, await NoteCommentPlanner.TargetsAsync(note, index, known))));
            }
            else if (!Live(g) || !replies.TryGetValue(id, out var reply))
            {
                // Deleted: only the grain of the project that posted it has anything to delete.
                work.Add((g, null));
            }
            else if (notes.TryGetValue(reply.NoteId, out var parent))
            {
                work.Add((g, NoteCommentPlanner.ForReply(reply, parent, ayonProject, users, await NoteCommentPlanner.TargetsAsync(parent, index, known))));
            }
            else
            {
                done.AddRange(g.Select(e => e.Id));
                ignored += g.Count;
            }
        }

        using var slots = new SemaphoreSlim(maxParallel);
        var results = await Task.WhenAll(work.Select(async w =>
        {
            await slots.WaitAsync();
            try
            {
                var key = GrainKeys.NoteComment(site, sgProjectId, w.Events[0].EntityType, w.Events[0].EntityId);
                await grains.GetGrain<INoteCommentGrain>(key).ApplyAsync(w.Wanted);
                return (w.Events, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (w.Events, Error: e);
            }
            finally
            {
                slots.Release();
            }
        }));

        var applied = 0;
        long? firstUnfinished = null;
        var errors = new List<string>();
        foreach (var (g, error) in results)
        {
            if (error is null)
            {
                applied += g.Count;
                done.AddRange(g.Select(e => e.Id));
            }
            else
            {
                firstUnfinished = Math.Min(firstUnfinished ?? long.MaxValue, g[0].Id);
                errors.Add($"{g[0].EntityType} {g[0].EntityId}: will retry from event {g[0].Id}: {error.Message}");
            }
        }

        return new Outcome(applied, ignored, done, firstUnfinished, errors);
    }
}
