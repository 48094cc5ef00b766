using System.Globalization;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// Reads Notes and Replies in batches: by id for the leecher (one query per type per round), by project for the full
/// sync (pages of 500 notes, then the replies of 500 notes per query), so a project's notes cost about one ShotGrid
/// request per 250 notes.
/// </summary>
public sealed class NoteReader(IShotGridClient shotGrid)
{
    public const string Note = "Note";
    public const string Reply = "Reply";
    public const string Version = "Version";
    public const int PageSize = 500;

    private static readonly string[] NoteFields = ["project", "subject", "content", "note_links", "tasks", "addressings_to", "user", "created_at", "attachments", Push.PushTargets.AyonIdField];
    private static readonly string[] ReplyFields = ["content", "entity", "user", "created_at", Push.PushTargets.AyonIdField];

    /// <summary>The Notes of <paramref name="sgProjectId"/> among <paramref name="ids"/> (retired ones and other projects' are absent).</summary>
    public async Task<IReadOnlyDictionary<long, ShotGridNote>> NotesAsync(long sgProjectId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var notes = new Dictionary<long, ShotGridNote>();
        foreach (var chunk in ids.Distinct().Chunk(PageSize))
        {
            var filter = SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId)).Where("id", "in", chunk.Cast<object>().ToArray());
            foreach (var record in await shotGrid.SearchPageAsync(Note, filter, NoteFields, 1, PageSize, cancellationToken))
            {
                notes[record.Id] = ToNote(record, sgProjectId);
            }
        }

        return notes;
    }

    /// <summary>Replies by id (live ones only).</summary>
    public async Task<IReadOnlyDictionary<long, ShotGridReply>> RepliesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var replies = new Dictionary<long, ShotGridReply>();
        foreach (var chunk in ids.Distinct().Chunk(PageSize))
        {
            var filter = SgFilter.And().Where("id", "in", chunk.Cast<object>().ToArray());
            foreach (var record in await shotGrid.SearchPageAsync(Reply, filter, ReplyFields, 1, PageSize, cancellationToken))
            {
                if (ToReply(record) is { } reply)
                {
                    replies[reply.Id] = reply;
                }
            }
        }

        return replies;
    }

    /// <summary>Every live Note of a project, oldest first, page by page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ShotGridNote>> ProjectNotesAsync(long sgProjectId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId));
        for (var page = 1; ; page++)
        {
            var records = await shotGrid.SearchPageAsync(Note, filter, NoteFields, page, PageSize, cancellationToken, sort: "id");
            if (records.Count > 0)
            {
                yield return records.Select(r => ToNote(r, sgProjectId)).ToList();
            }

            if (records.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The replies of some notes (at most <see cref="PageSize"/> notes per query).</summary>
    public async Task<IReadOnlyList<ShotGridReply>> RepliesOfAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        var replies = new List<ShotGridReply>();
        foreach (var chunk in noteIds.Distinct().Chunk(PageSize))
        {
            var filter = SgFilter.And().Where("entity", "in", chunk.Select(id => (object)new SgEntityRef(Note, id)).ToArray());
            var records = await shotGrid.SearchAllAsync(Reply, filter, ReplyFields, cancellationToken, sort: "id", pageSize: PageSize);
            replies.AddRange(records.Select(ToReply).OfType<ShotGridReply>());
        }

        return replies;
    }

    /// <summary>
    /// The AYON versions of the ShotGrid Versions the notes link to (<c>Version.sg_ayon_id</c>, which the version push
    /// writes), one query per 500 Versions, added to <paramref name="known"/> (null: the Version has no AYON version).
    /// </summary>
    public async Task AddVersionTargetsAsync(IEnumerable<ShotGridNote> notes, Dictionary<(string, long), CommentTarget?> known, CancellationToken cancellationToken)
    {
        var ids = notes.SelectMany(n => n.Links).Where(l => l.Type == Version && !known.ContainsKey((Version, l.Id))).Select(l => l.Id).Distinct().ToList();
        foreach (var chunk in ids.Chunk(PageSize))
        {
            foreach (var id in chunk)
            {
                known[(Version, id)] = null;
            }

            var filter = SgFilter.And().Where("id", "in", chunk.Cast<object>().ToArray());
            foreach (var record in await shotGrid.SearchAllAsync(Version, filter, [Push.PushTargets.AyonIdField], cancellationToken, sort: "id", pageSize: PageSize))
            {
                if (record.GetString(Push.PushTargets.AyonIdField) is { Length: > 0 } ayonId)
                {
                    known[(Version, record.Id)] = new CommentTarget("version", ayonId);
                }
            }
        }
    }

    private static ShotGridNote ToNote(SgRecord r, long sgProjectId) => new(
        r.Id,
        r.GetLink("project")?.Id ?? sgProjectId,
        r.GetString("subject"),
        r.GetString("content") ?? "",
        [.. r.GetLinks("note_links"), .. r.GetLinks("tasks")],
        r.GetLinks("addressings_to"),
        r.GetLink("user"),
        Time(r.GetString("created_at")),
        r.GetLinks("attachments"),
        r.GetString(Push.PushTargets.AyonIdField) is { Length: > 0 } ayonId ? ayonId : null);

    private static ShotGridReply? ToReply(SgRecord r) => r.GetLink("entity") is { Type: Note, Id: > 0 } note
        ? new ShotGridReply(r.Id, note.Id, r.GetString("content") ?? "", r.GetLink("user"), Time(r.GetString("created_at")),
            r.GetString(Push.PushTargets.AyonIdField) is { Length: > 0 } ayonId ? ayonId : null)
        : null;

    private static DateTimeOffset Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : DateTimeOffset.UnixEpoch;
}
