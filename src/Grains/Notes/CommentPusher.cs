using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Push;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// AYON comments → ShotGrid for one page of a project's comment changes. A new comment becomes a Note linked to the
/// ShotGrid entity of the AYON entity it is on, or, when it mentions a comment linked to a ShotGrid note
/// (<c>[…](activity:id)</c>: <c>data.sg_note_id</c>, or a Note/Reply carrying that activity's id), a Reply in that note's
/// thread. Each record carries the activity id in <c>sg_ayon_id</c>: a replayed page finds what it created instead of
/// creating it twice, and edits and deletions find their record. All writes of a page go in <c>_batch</c> requests.
/// Writes are made as the cluster's script user, whose ShotGrid events the leecher ignores.
/// </summary>
public sealed class CommentPusher(IShotGridClient shotGrid, PushBatches batches, IAyonEventStream stream, IAyonActivities activities, IAyonComments comments)
{
    public const int BatchSize = 100;

    /// <summary>The ShotGrid types the comment push writes (each needs <c>sg_ayon_id</c>).</summary>
    public static readonly IReadOnlyList<string> WrittenTypes = [NoteReader.Note, NoteReader.Reply];

    public async Task<CommentPushResult> PushAsync(
        long sgProjectId, string ayonProject, IReadOnlyList<AyonCommentChange> changes, IReadOnlyDictionary<string, long> sgUsers, CancellationToken cancellationToken)
    {
        var outcome = new PushOutcome();
        var result = new CommentPushResult();
        if (changes.Count == 0)
        {
            return result;
        }

        var ids = changes.Select(c => c.ActivityId).Concat(changes.SelectMany(c => c.MentionedActivities)).ToHashSet(StringComparer.Ordinal);
        var existing = await FindLinkedAsync(sgProjectId, ids, outcome, cancellationToken);
        var writes = new List<(AyonCommentChange Change, SgWrite Write, string Text)>();
        var creates = changes.Where(c => c.Created && !c.Deleted && !existing.ContainsKey(c.ActivityId)).ToList();
        var threads = await ThreadsAsync(ayonProject, creates, existing, cancellationToken);
        var targets = await TargetsAsync(ayonProject, creates.Where(c => !threads.ContainsKey(c.ActivityId)).ToList(), cancellationToken);
        foreach (var change in changes)
        {
            var (text, mentioned) = ShotGridNoteText.FromAyon(change.Body);
            var author = sgUsers.TryGetValue(change.Author, out var sgUser) ? new JsonObject { ["type"] = "HumanUser", ["id"] = sgUser } : null;
            if (author is null && change.Author.Length > 0)
            {
                // No ShotGrid user to write it as: the text says who wrote it.
                text += $"\n\n— {change.Author} (AYON)";
            }

            if (existing.TryGetValue(change.ActivityId, out var linked))
            {
                if (change.Deleted)
                {
                    writes.Add((change, SgWrite.Delete(linked.Type, linked.Id), ""));
                }
                else if (linked.Content != text)
                {
                    writes.Add((change, SgWrite.Update(linked.Type, linked.Id, new JsonObject { ["content"] = text }), text));
                }

                continue;
            }

            if (!change.Created || change.Deleted)
            {
                // Edited or deleted, but never pushed (made before the push was on, or made from a ShotGrid note).
                continue;
            }

            var data = new JsonObject { ["content"] = text, [PushTargets.AyonIdField] = change.ActivityId };
            if (author is not null)
            {
                data["user"] = author;
            }

            if (threads.TryGetValue(change.ActivityId, out var noteId))
            {
                data["entity"] = new JsonObject { ["type"] = NoteReader.Note, ["id"] = noteId };
                writes.Add((change, SgWrite.Create(NoteReader.Reply, data), text));
                continue;
            }

            if (change.EntityId is null || !targets.TryGetValue(change.EntityId, out var target))
            {
                result.Issues.Add($"AYON comment {change.ActivityId} on {change.EntityType} {change.EntityId}: the entity has no ShotGrid entity; not pushed");
                continue;
            }

            data["project"] = new JsonObject { ["type"] = "Project", ["id"] = sgProjectId };
            data["subject"] = ShotGridNoteText.Subject(text);
            data[target.Type == Mapping.SyncEntityTypes.Task ? "tasks" : "note_links"] = new JsonArray(new JsonObject { ["type"] = target.Type, ["id"] = target.Id });
            var to = mentioned.Where(sgUsers.ContainsKey).Select(u => (JsonNode)new JsonObject { ["type"] = "HumanUser", ["id"] = sgUsers[u] }).ToArray();
            if (to.Length > 0)
            {
                data["addressings_to"] = new JsonArray(to);
            }

            writes.Add((change, SgWrite.Create(NoteReader.Note, data), text));
        }

        foreach (var chunk in writes.Chunk(BatchSize))
        {
            var records = await batches.SendAsync(chunk, w => w.Write, w => (w.Write.EntityType, w.Change.ActivityId, $"AYON comment {w.Change.ActivityId}"), outcome, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                await RecordAsync(ayonProject, chunk[i], records[i], threads, result, cancellationToken);
            }
        }

        result.Requests += outcome.Requests;
        result.Issues.AddRange(outcome.Issues.Select(i => $"{i.Name}: {i.Reason}"));
        return result;
    }

    private async Task RecordAsync(
        string ayonProject, (AyonCommentChange Change, SgWrite Write, string Text) w, SgRecord? record, Dictionary<string, long> threads, CommentPushResult result, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return;
        }

        var link = new CommentLink(w.Write.EntityType, w.Write.RecordId ?? record.Id, w.Change.ActivityId, w.Text);
        if (w.Write.Retire)
        {
            result.Deleted++;
            result.Retired.Add(link);
        }
        else if (w.Write.RecordId is not null)
        {
            result.Updated++;
            result.Links.Add(link);
        }
        else
        {
            result.Created++;
            result.Links.Add(link);
            // The activity keeps its ShotGrid record, as comments made from ShotGrid do (written as the cluster: not pushed again).
            var noteId = w.Write.EntityType == NoteReader.Note ? record.Id : threads[w.Change.ActivityId];
            var data = new JsonObject
            {
                ["sg_note_id"] = noteId, ["shotgridType"] = w.Write.EntityType, ["shotgridId"] = record.Id.ToString(CultureInfo.InvariantCulture),
            };
            if (w.Write.EntityType == NoteReader.Reply)
            {
                data["sg_reply_id"] = record.Id;
            }

            await comments.UpdateCommentAsync(ayonProject, w.Change.ActivityId, w.Change.Body, data, cancellationToken);
        }
    }

    /// <summary>Notes and Replies carrying any of the activity ids, one query per type (per 500 ids).</summary>
    private async Task<Dictionary<string, LinkedRecord>> FindLinkedAsync(long sgProjectId, IReadOnlyCollection<string> ids, PushOutcome outcome, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, LinkedRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(NoteReader.PageSize))
        {
            outcome.Requests += 2;
            var notes = await shotGrid.SearchAllAsync(NoteReader.Note,
                SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId)).Where(PushTargets.AyonIdField, "in", chunk),
                [PushTargets.AyonIdField, "content"], cancellationToken, sort: "id");
            foreach (var n in notes)
            {
                if (n.GetString(PushTargets.AyonIdField) is { } a)
                {
                    found.TryAdd(a, new LinkedRecord(NoteReader.Note, n.Id, n.Id, n.GetString("content") ?? ""));
                }
            }

            var replies = await shotGrid.SearchAllAsync(NoteReader.Reply, SgFilter.And().Where(PushTargets.AyonIdField, "in", chunk),
                [PushTargets.AyonIdField, "content", "entity"], cancellationToken, sort: "id");
            foreach (var r in replies)
            {
                if (r.GetString(PushTargets.AyonIdField) is { } a && r.GetLink("entity") is { Type: NoteReader.Note } note)
                {
                    found.TryAdd(a, new LinkedRecord(NoteReader.Reply, r.Id, note.Id, r.GetString("content") ?? ""));
                }
            }
        }

        return found;
    }

    /// <summary>New comment → the ShotGrid note whose thread it answers (the first mentioned comment linked to one).</summary>
    private async Task<Dictionary<string, long>> ThreadsAsync(string ayonProject, IReadOnlyList<AyonCommentChange> creates, Dictionary<string, LinkedRecord> linked, CancellationToken cancellationToken)
    {
        var threads = new Dictionary<string, long>(StringComparer.Ordinal);
        var unknown = creates.SelectMany(c => c.MentionedActivities).Where(m => !linked.ContainsKey(m)).ToHashSet(StringComparer.Ordinal);
        var read = unknown.Count == 0 ? new Dictionary<string, AyonActivity>() : await activities.GetActivitiesAsync(ayonProject, unknown, cancellationToken);
        foreach (var c in creates)
        {
            foreach (var m in c.MentionedActivities)
            {
                long? note = linked.TryGetValue(m, out var l) ? l.NoteId
                    : read.TryGetValue(m, out var a) && a.Data["sg_note_id"] is JsonValue v && v.TryGetValue<long>(out var id) ? id : null;
                if (note is { } n)
                {
                    threads[c.ActivityId] = n;
                    break;
                }
            }
        }

        return threads;
    }

    /// <summary>AYON entity id → the ShotGrid entity its attributes link it to (folders, tasks and versions read by id).</summary>
    private async Task<Dictionary<string, SgEntityRef>> TargetsAsync(string ayonProject, IReadOnlyList<AyonCommentChange> creates, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<string, SgEntityRef>(StringComparer.Ordinal);
        HashSet<string> Of(string type) => creates.Where(c => c.EntityType == type && c.EntityId is not null).Select(c => c.EntityId!).ToHashSet(StringComparer.Ordinal);
        var (folders, tasks, versions) = (Of("folder"), Of("task"), Of("version"));
        var attribs = new List<(string Id, IReadOnlyDictionary<string, string?> Attrib)>();
        if (folders.Count > 0)
        {
            attribs.AddRange((await stream.GetFoldersByIdsAsync(ayonProject, folders, cancellationToken)).Select(f => (f.Id, f.Attrib)));
        }

        if (tasks.Count > 0)
        {
            attribs.AddRange((await stream.GetTasksByIdsAsync(ayonProject, tasks, cancellationToken)).Select(t => (t.Id, t.Attrib)));
        }

        if (versions.Count > 0)
        {
            attribs.AddRange((await stream.GetVersionsByIdsAsync(ayonProject, versions, cancellationToken)).Select(v => (v.Id, v.Attrib)));
        }

        foreach (var (id, attrib) in attribs)
        {
            if (PushEntities.LinkOf(attrib) is { } link)
            {
                targets[id] = link;
            }
        }

        // A version pushed to ShotGrid (or linked there) is the Version carrying its id, whatever its attributes say.
        var unlinked = versions.Where(v => !targets.ContainsKey(v)).ToList();
        foreach (var chunk in unlinked.Chunk(NoteReader.PageSize))
        {
            var found = await shotGrid.SearchAllAsync(NoteReader.Version, SgFilter.And().Where(PushTargets.AyonIdField, "in", chunk), [PushTargets.AyonIdField], cancellationToken, sort: "id");
            foreach (var v in found)
            {
                if (v.GetString(PushTargets.AyonIdField) is { } ayonId)
                {
                    targets.TryAdd(ayonId, new SgEntityRef(NoteReader.Version, v.Id));
                }
            }
        }

        return targets;
    }

    private sealed record LinkedRecord(string Type, long Id, long NoteId, string Content);
}

/// <summary>A ShotGrid Note or Reply and the AYON comment it was made from, with the text ShotGrid holds.</summary>
public sealed record CommentLink(string ShotGridType, long ShotGridId, string ActivityId, string Text);

/// <summary>What one page of the comment push did.</summary>
public sealed class CommentPushResult
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Deleted { get; set; }

    public int Requests { get; set; }

    public List<string> Issues { get; } = [];

    /// <summary>Notes and Replies created or edited: their note grains learn the AYON comment they came from.</summary>
    public List<CommentLink> Links { get; } = [];

    /// <summary>Notes and Replies deleted (retired in ShotGrid).</summary>
    public List<CommentLink> Retired { get; } = [];
}
