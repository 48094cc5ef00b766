using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// What AYON should show for a Note or Reply: its body (<see cref="CommentBody"/>), author, time, and the synced AYON
/// entities it links to. A Reply goes on the entities of its Note, so a thread stays together on each of them. Links to
/// entities the sync does not mirror (or has not created yet) are left out.
/// </summary>
public sealed class NoteCommentPlanner(IOptions<ShotGridOptions> sgOptions)
{
    public NoteComment ForNote(ShotGridNote note, string ayonProject, IReadOnlyDictionary<long, string> users, IReadOnlyList<CommentTarget> targets) =>
        new(ayonProject, CommentBody.ForNote(note, users, sgOptions.Value.Url), note.CreatedAt, CommentBody.AuthorOf(note.Author, users), targets, note.Id, note.AyonId, note.Content);

    public static NoteComment ForReply(ShotGridReply reply, ShotGridNote note, string ayonProject, IReadOnlyDictionary<long, string> users, IReadOnlyList<CommentTarget> targets) =>
        new(ayonProject, CommentBody.ForReply(reply, note, users), reply.CreatedAt, CommentBody.AuthorOf(reply.Author, users), targets, note.Id, reply.AyonId, reply.Content);

    /// <summary>The AYON entities of a note's links, looked up in the project index once per link.</summary>
    public static async Task<IReadOnlyList<CommentTarget>> TargetsAsync(ShotGridNote note, IAyonProjectIndexGrain index, Dictionary<(string, long), CommentTarget?> known)
    {
        var targets = new List<CommentTarget>();
        foreach (var link in note.Links)
        {
            if (!known.TryGetValue((link.Type, link.Id), out var target))
            {
                var id = link.Type is SyncEntityTypes.Project ? null : await index.LookupAsync(NodeKeys.Of(link.Type, link.Id), null);
                target = id is null ? null : new CommentTarget(AyonTypeOf(link.Type), id);
                known[(link.Type, link.Id)] = target;
            }

            if (target is not null && !targets.Contains(target))
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    private static string AyonTypeOf(string shotgridType) => shotgridType switch
    {
        SyncEntityTypes.Task => "task",
        "Version" => "version",
        _ => "folder",
    };
}
