using System.Text.Json.Nodes;
using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// Keeps one ShotGrid Note's (or Reply's) comments in AYON in step. Activity ids are derived from the note and the entity
/// (<see cref="CommentIds"/>), so a create whose bookkeeping was lost is found again (409), never doubled. Non-reentrant:
/// a note's events apply in order.
/// </summary>
public sealed class NoteCommentGrain(
    [PersistentState("notecomment", StorageNames.Sync)] IPersistentState<NoteCommentGrainState> state,
    IAyonComments comments) : Grain, INoteCommentGrain
{
    async Task<NoteCommentResult> INoteCommentGrain.ApplyAsync(NoteComment? wanted)
    {
        var s = state.State;
        if (s.OriginActivity is not null || wanted?.OriginActivity is not null)
        {
            return await ApplyToOriginAsync(wanted);
        }

        int created = 0, updated = 0, deleted = 0;
        var postedChanged = false;
        var project = wanted?.AyonProject ?? s.AyonProject;
        var keep = wanted?.Targets.Select(t => t.EntityId).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (entityId, activityId) in s.Posted.Where(p => !keep.Contains(p.Key)).ToList())
        {
            await comments.DeleteCommentAsync(project!, activityId, CancellationToken.None);
            s.Posted.Remove(entityId);
            postedChanged = true;
            deleted++;
        }

        if (wanted is not null)
        {
            var (site, type, id) = GrainKeys.ParseNoteComment(this.GetPrimaryKeyString());
            var data = Data(type, id, wanted.NoteId);
            foreach (var target in wanted.Targets)
            {
                if (!s.Posted.ContainsKey(target.EntityId))
                {
                    var activityId = CommentIds.Of(site, type, id, target.EntityId);
                    if (await comments.CreateCommentAsync(wanted.AyonProject, target.EntityType, target.EntityId, activityId, wanted.Body, wanted.CreatedAt, data, wanted.Author, CancellationToken.None))
                    {
                        created++;
                    }
                    else if (await comments.UpdateCommentAsync(wanted.AyonProject, activityId, wanted.Body, null, CancellationToken.None))
                    {
                        // Written before this grain recorded it (a crash in between), with whatever body it had then: bring it up to date.
                        updated++;
                    }

                    s.Posted[target.EntityId] = activityId;
                    postedChanged = true;
                }
                else if (wanted.Body != s.Body && await comments.UpdateCommentAsync(wanted.AyonProject, s.Posted[target.EntityId], wanted.Body, null, CancellationToken.None))
                {
                    // A comment someone deleted in AYON stays deleted: an edit in ShotGrid does not bring it back.
                    updated++;
                }
            }
        }

        var dirty = postedChanged || s.AyonProject != project || (wanted is not null && s.Body != wanted.Body);
        s.AyonProject = project;
        if (wanted is not null)
        {
            s.Body = wanted.Body;
        }

        if (dirty)
        {
            await state.WriteStateAsync();
        }

        return new NoteCommentResult(created, updated, deleted);
    }

    async Task INoteCommentGrain.AdoptAsync(string ayonProject, string activityId, string text)
    {
        var s = state.State;
        if (s.OriginActivity == activityId && s.Body == text && s.AyonProject == ayonProject)
        {
            return;
        }

        (s.AyonProject, s.OriginActivity, s.Body) = (ayonProject, activityId, text);
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A Note or Reply made from an AYON comment: an edit in ShotGrid edits that comment, a deletion deletes it; no other
    /// comment is made. Seen first here (the push's bookkeeping was lost), it is adopted as it is, written nowhere.
    /// </summary>
    private async Task<NoteCommentResult> ApplyToOriginAsync(NoteComment? wanted)
    {
        var s = state.State;
        var origin = s.OriginActivity ?? wanted!.OriginActivity!;
        var project = wanted?.AyonProject ?? s.AyonProject;
        if (wanted is null)
        {
            await comments.DeleteCommentAsync(project!, origin, CancellationToken.None);
            state.State = new NoteCommentGrainState { AyonProject = project };
            await state.WriteStateAsync();
            return new NoteCommentResult(0, 0, 1);
        }

        var text = wanted.Text ?? wanted.Body;
        var updated = 0;
        if (s.OriginActivity is not null && s.Body != text && await comments.UpdateCommentAsync(wanted.AyonProject, origin, text, null, CancellationToken.None))
        {
            updated++;
        }

        if (s.OriginActivity != origin || s.Body != text || s.AyonProject != wanted.AyonProject)
        {
            (s.AyonProject, s.OriginActivity, s.Body) = (wanted.AyonProject, origin, text);
            await state.WriteStateAsync();
        }

        return new NoteCommentResult(0, updated, 0);
    }

    /// <summary>What the activity keeps of its ShotGrid source (<c>sg_note_id</c> as ayon-shotgrid writes it).</summary>
    private static JsonObject Data(string type, long id, long noteId)
    {
        var data = new JsonObject { ["sg_note_id"] = noteId, ["shotgridType"] = type, ["shotgridId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (type == NoteReader.Reply)
        {
            data["sg_reply_id"] = id;
        }

        return data;
    }
}
