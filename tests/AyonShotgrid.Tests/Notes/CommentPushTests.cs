using System.Net.Http.Json;
using System.Text.Json;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Notes;

/// <summary>AYON comments become ShotGrid Notes and Replies with the push on, over HTTP against both emulators.</summary>
[Collection(PushCollection.Name)]
public sealed class CommentPushTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    private AyonStore Ayon => fixture.Ayon.Store;

    [Fact]
    public async Task AnAyonCommentBecomesANoteRepliesJoinItsThreadEditsAndDeletionsFollowAndNothingEchoes()
    {
        // Users linked before the project syncs: the project index re-reads user links at most once a minute.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ann = Sg.Create("HumanUser", new() { ["name"] = "Ann Lee", ["login"] = $"ann{suffix}" });
        var bob = Sg.Create("HumanUser", new() { ["name"] = "Bob Ray", ["login"] = $"bob{suffix}" });
        var (annAyon, bobAyon) = ($"ann.{suffix}", $"bob.{suffix}");
        Ayon.AddUser(annAyon, "Ann Lee", shotgridUserId: ann);
        Ayon.AddUser(bobAyon, "Bob Ray", shotgridUserId: bob);
        var (name, projectId, shot, _) = await fixture.SyncedOneShotProjectAsync("CommentPush");
        using var gateway = fixture.GatewayClient();
        var settings = await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { pushToShotGrid = true }));
        Assert.True(settings.GetProperty("notesToShotGrid").GetBoolean());
        var folder = Ayon.FolderOf(name, "Shot", shot).Id;

        // Ann comments on the shot in AYON, mentioning Bob: a Note on the Shot, by Ann, to Bob.
        var first = await CommentAsync(name, "folder", folder, annAyon, $"Hold 4 frames, [Bob Ray](user:{bobAyon})?");
        var note = await Eventually.WaitAsync(() => Task.FromResult(NotesOf(first).SingleOrDefault()), n => n is not null, "the AYON comment to become a ShotGrid note");
        var noteId = (long)note!["id"]!;
        Assert.Equal("Hold 4 frames, @Bob Ray?", note.TextField("content"));
        Assert.Equal([new EntityLink("Shot", shot)], Links(note, "note_links"));
        Assert.Equal(ann, note.LinkField("user")!.Id);
        Assert.Equal([bob], Links(note, "addressings_to").Select(l => l.Id));
        Assert.Equal(projectId, note.LinkField("project")!.Id);
        await Eventually.WaitAsync(() => Task.FromResult(Activity(name, first)), a => a?.Data["sg_note_id"]?.GetValue<long>() == noteId, "the comment to keep its note id");

        // Bob answers in ShotGrid: a comment in AYON. Ann answers that comment in AYON: a Reply in the same thread.
        var sgReply = Sg.Create("Reply", new() { ["entity"] = TestProjects.Link("Note", noteId), ["content"] = "Ok, 4 it is", ["user"] = TestProjects.Link("HumanUser", bob) });
        var sgReplyComment = await Eventually.WaitAsync(
            () => Task.FromResult(Comments(name).SingleOrDefault(a => a.Data["sg_reply_id"]?.GetValue<long>() == sgReply)), a => a is not null, "the ShotGrid reply to become a comment");
        var answer = await CommentAsync(name, "folder", folder, annAyon, $"Thanks [reply](activity:{sgReplyComment!.Id})");
        var reply = await Eventually.WaitAsync(() => Task.FromResult(RepliesOf(answer).SingleOrDefault()), r => r is not null, "the AYON answer to become a reply");
        Assert.Equal(noteId, reply!.LinkField("entity")!.Id);
        Assert.Equal("Thanks reply", reply!.TextField("content"));

        // Bob answers Ann's first comment in AYON: a Reply in the same thread too (found by the note's sg_ayon_id).
        var second = await CommentAsync(name, "folder", folder, bobAyon, $"[Ann](activity:{first}) done");
        var reply2 = await Eventually.WaitAsync(() => Task.FromResult(RepliesOf(second).SingleOrDefault()), r => r is not null, "the second AYON answer to become a reply");
        Assert.Equal((noteId, bob), (reply2!.LinkField("entity")!.Id, reply2!.LinkField("user")!.Id));

        // Ann edits her comment: the note follows. She deletes it: the note is retired.
        await SendAsync(HttpMethod.Patch, $"api/projects/{name}/activities/{first}", annAyon, new { body = "Hold 6 frames" });
        await Eventually.WaitAsync(() => Task.FromResult(Sg.Get("Note", noteId)?.TextField("content")), c => c == "Hold 6 frames", "the edit to reach the note");

        // No echo: rounds of both directions later, each side holds the person's comments and the cluster's copies once.
        await BothDirections.RoundsAsync(fixture);
        Assert.Equal(4, Comments(name).Count); // first, the comment of Bob's ShotGrid reply, answer, second
        Assert.Single(Sg.FindIds("Note", "project", new EntityLink("Project", projectId)));
        Assert.Equal(3, Sg.FindIds("Reply", "entity", new EntityLink("Note", noteId)).Count);
        Assert.Equal("Hold 6 frames", Activity(name, first)!.Body);

        await SendAsync(HttpMethod.Delete, $"api/projects/{name}/activities/{first}", annAyon, null);
        await Eventually.WaitAsync(() => Task.FromResult(Sg.Get("Note", noteId)), n => n is null, "the deleted comment's note to be retired");
        await BothDirections.RoundsAsync(fixture);
        Assert.Null(Activity(name, first));
        Assert.Equal(3, Comments(name).Count);
    }

    [Fact]
    public async Task WithTheNotesToShotGridSwitchOffCommentsStayInAyon()
    {
        var (name, projectId, shot, _) = await fixture.SyncedOneShotProjectAsync("CommentPushOff");
        using var gateway = fixture.GatewayClient();
        var settings = await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { pushToShotGrid = true, notesToShotGrid = false }));
        Assert.Equal((false, false), (settings.GetProperty("notesToShotGrid").GetBoolean(), settings.GetProperty("notesToShotGridSetting").GetBoolean()));
        var folder = Ayon.FolderOf(name, "Shot", shot).Id;
        var off = await CommentAsync(name, "folder", folder, "service", "made while off");
        await BothDirections.RoundsAsync(fixture);

        // Switched on, the push starts at AYON's newest event: the comment made while off is never sent.
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { notesToShotGrid = true }));
        await BothDirections.RoundsAsync(fixture, rounds: 1);
        var on = await CommentAsync(name, "folder", folder, "service", "made while on");
        await Eventually.WaitAsync(() => Task.FromResult(NotesOf(on).SingleOrDefault()), n => n is not null, "the comment made while on to become a note");
        Assert.Empty(NotesOf(off));
    }

    [Fact]
    public async Task NotesOnVersionsAreCommentsOnTheAyonVersionBothWays()
    {
        var world = await Playlists.PlaylistWorld.SyncedAsync(fixture, "NoteVersion");
        using var gateway = fixture.GatewayClient();
        // Versions before the push is on (it starts at AYON's newest event): a push round between the AYON and the ShotGrid
        // writes of VersionsAsync would otherwise make ShotGrid Versions of its own.
        var (sg, ayon) = await world.VersionsAsync(1);
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{world.ProjectId}/settings", new { pushToShotGrid = true }));

        // A ShotGrid note on the Version: a comment on the AYON version it carries the id of.
        var fromSg = Sg.Create("Note", new()
        {
            ["project"] = TestProjects.Link("Project", world.ProjectId), ["subject"] = "Grade", ["content"] = "too warm",
            ["note_links"] = new List<EntityLink> { TestProjects.Link("Version", sg[0]) },
        });
        var comment = await Eventually.WaitAsync(
            () => Task.FromResult(Comments(world.Name).SingleOrDefault(a => a.Data["sg_note_id"]?.GetValue<long>() == fromSg)), a => a is not null, "the version note to become a comment");
        Assert.Equal(("version", ayon[0]), (comment!.EntityType, comment.EntityId));

        // An AYON comment on the version: a Note on the ShotGrid Version.
        var fromAyon = await CommentAsync(world.Name, "version", ayon[0], "service", "cooler please");
        var note = await Eventually.WaitAsync(() => Task.FromResult(NotesOf(fromAyon).SingleOrDefault()), n => n is not null, "the version comment to become a note");
        Assert.Equal([new EntityLink("Version", sg[0])], Links(note!, "note_links"));
    }

    private async Task<string> CommentAsync(string project, string entityType, string entityId, string user, string body)
    {
        var answer = await SendAsync(HttpMethod.Post, $"api/projects/{project}/{entityType}/{entityId}/activities", user, new { activityType = "comment", body });
        return answer.GetProperty("id").GetString()!;
    }

    /// <summary>As a person: the service key acting as <paramref name="user"/>, with no cluster sender.</summary>
    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string user, object? body)
    {
        using var http = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        if (user != "service")
        {
            http.DefaultRequestHeaders.Add("x-as-user", user);
        }

        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength is 0 or null && response.StatusCode == System.Net.HttpStatusCode.NoContent
            ? default
            : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private List<EmuActivity> Comments(string project) => Ayon.Activities(project).Where(a => a.ActivityType == "comment").ToList();

    private EmuActivity? Activity(string project, string id) => Ayon.Activities(project).SingleOrDefault(a => a.Id == id);

    private List<IReadOnlyDictionary<string, object?>> NotesOf(string activityId) => Of("Note", activityId);

    private List<IReadOnlyDictionary<string, object?>> RepliesOf(string activityId) => Of("Reply", activityId);

    private List<IReadOnlyDictionary<string, object?>> Of(string type, string activityId) =>
        Sg.FindIds(type, "sg_ayon_id", activityId).Select(id => Sg.Get(type, id)!).ToList();

    private static List<EntityLink> Links(IReadOnlyDictionary<string, object?> record, string field) =>
        record.TryGetValue(field, out var value) && value is IEnumerable<EntityLink> links ? links.ToList() : [];
}
