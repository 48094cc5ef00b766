using System.Net.Http.Json;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Notes;

/// <summary>ShotGrid Notes and Replies become AYON comments through the leecher, over HTTP against both emulators.</summary>
[Collection(LeecherCollection.Name)]
public sealed class NoteCommentTests(LeecherFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    private AyonStore Ayon => fixture.Ayon.Store;

    [Fact]
    public async Task ANoteOnAShotBecomesACommentByItsLinkedAuthorAndItsEditsRepliesAndDeletionFollow()
    {
        // Users linked before the project syncs: the project index re-reads user links at most once a minute.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ann = Sg.Create("HumanUser", new() { ["name"] = "Ann Lee", ["login"] = $"ann{suffix}" });
        var bob = Sg.Create("HumanUser", new() { ["name"] = "Bob Ray", ["login"] = $"bob{suffix}" });
        var annAyon = $"ann.{suffix}";
        Ayon.AddUser(annAyon, "Ann Lee", shotgridUserId: ann);
        var stream = await fixture.SyncedStreamProjectAsync("Notes");
        var shot = stream.Seeded.ShotIds[0];
        var shotFolder = Ayon.FolderOf(stream.Name, "Shot", shot).Id;

        var note = Sg.Create("Note", new()
        {
            ["project"] = stream.Project, ["subject"] = "Timing", ["content"] = "Hold 4 frames longer",
            ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", shot) },
            ["addressings_to"] = new List<EntityLink> { TestProjects.Link("HumanUser", ann), TestProjects.Link("HumanUser", bob) },
            ["user"] = TestProjects.Link("HumanUser", ann),
        });

        var comment = await CommentOfAsync(stream.Name, "Note", note, c => c is not null, "the note to become a comment");
        Assert.Equal(("folder", shotFolder, annAyon), (comment!.EntityType, comment.EntityId, comment.Author));
        Assert.Equal($"**Timing**\n\nHold 4 frames longer\n\nTo: [Ann Lee](user:{annAyon}), Bob Ray", comment.Body);
        Assert.Equal(note, comment.Data["sg_note_id"]!.GetValue<long>());

        Sg.Update("Note", note, new() { ["content"] = "Hold 6 frames longer" });
        var edited = await CommentOfAsync(stream.Name, "Note", note, c => c?.Body.Contains("Hold 6 frames", StringComparison.Ordinal) == true, "the edit to reach the comment");
        Assert.Equal(comment.Id, edited!.Id);

        var reply = Sg.Create("Reply", new() { ["entity"] = TestProjects.Link("Note", note), ["content"] = "Done in v002", ["user"] = TestProjects.Link("HumanUser", bob) });
        var answer = await CommentOfAsync(stream.Name, "Reply", reply, c => c is not null, "the reply to become a comment");
        Assert.Equal(("folder", shotFolder, "service"), (answer!.EntityType, answer.EntityId, answer.Author));
        Assert.Equal("↪ Reply to **Timing**\n\nDone in v002\n\n— Bob Ray (ShotGrid)", answer.Body);
        Assert.Equal(note, answer.Data["sg_note_id"]!.GetValue<long>());

        Sg.Retire("Note", note);
        await CommentOfAsync(stream.Name, "Note", note, c => c is null, "the deleted note's comment to go");
        Assert.Equal([answer.Id], Comments(stream.Name).Select(a => a.Id));
    }

    [Fact]
    public async Task AProjectWithNotesSwitchedOffGetsNoComments()
    {
        var stream = await fixture.SyncedStreamProjectAsync("NotesOff");
        using var gateway = fixture.GatewayClient();
        var settings = await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{stream.Seeded.ProjectId}/settings", new { notesFromShotGrid = false }));
        Assert.Equal((false, false), (settings.GetProperty("notesFromShotGrid").GetBoolean(), settings.GetProperty("notesFromShotGridSetting").GetBoolean()));

        Sg.Create("Note", new() { ["project"] = stream.Project, ["content"] = "not wanted", ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", stream.Seeded.ShotIds[0]) } });

        // The project's cursor passes the note's events only once its round is done (notes included).
        var newest = Sg.NewestEventId;
        await Eventually.WaitAsync(() => gateway.ProjectEventsAsync(stream.Seeded.ProjectId), c => c.GetProperty("watermark").GetInt64() >= newest, "the leecher to pass the note");
        Assert.Empty(Comments(stream.Name));
    }

    [Fact]
    public async Task AFullSyncBringsExistingNotesAndRepliesOnceAndASecondSyncAddsNothing()
    {
        var name = TestProjects.UniqueName("NotesFull");
        var seeded = ShotGridSeeder.SeedProject(Sg, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));
        var project = TestProjects.Link("Project", seeded.ProjectId);
        var onBoth = Sg.Create("Note", new()
        {
            ["project"] = project, ["subject"] = "Both", ["content"] = "on two shots",
            ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", seeded.ShotIds[0]), TestProjects.Link("Shot", seeded.ShotIds[1]) },
        });
        var onTask = Sg.Create("Note", new() { ["project"] = project, ["content"] = "on a task", ["tasks"] = new List<EntityLink> { TestProjects.Link("Task", seeded.TaskIds[0]) } });
        Sg.Create("Reply", new() { ["entity"] = TestProjects.Link("Note", onBoth), ["content"] = "agreed" });

        using var gateway = fixture.GatewayClient();
        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        var first = Comments(name);
        var createdEvents = Ayon.Events.Count(e => e.Project == name && e.Topic == "activity.created");
        Assert.Equal(5, first.Count);
        Assert.Equal(2, first.Count(a => a.Data["shotgridType"]?.GetValue<string>() == "Reply"));
        Assert.Single(first, a => a.Data["sg_note_id"]!.GetValue<long>() == onTask && a.EntityType == "task");

        Assert.Equal("succeeded", (await gateway.SyncAsync(seeded.ProjectId)).GetProperty("state").GetString());
        Assert.Equal(first.Select(a => a.Id).Order(), Comments(name).Select(a => a.Id).Order());
        Assert.Equal(createdEvents, Ayon.Events.Count(e => e.Project == name && e.Topic == "activity.created"));
    }

    [Fact]
    public async Task ACommentWrittenBeforeItsGrainRecordedItIsFoundAgainNotDoubled()
    {
        var stream = await fixture.SyncedStreamProjectAsync("NotesReplay");
        var shotFolder = Ayon.FolderOf(stream.Name, "Shot", stream.Seeded.ShotIds[0]).Id;

        // As if a silo died between AYON's create and the grain's bookkeeping: the comment is there, the grain knows nothing.
        var noteId = Sg.Create("Note", new() { ["project"] = stream.Project, ["subject"] = "Replay", ["content"] = "v1" }, Sg.DefaultActor);
        var activityId = Grains.Notes.CommentIds.Of(Contracts.GrainKeys.Normalize(fixture.Site), "Note", noteId, shotFolder);
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var posted = await ayon.PostAsJsonAsync($"api/projects/{stream.Name}/folder/{shotFolder}/activities", new { id = activityId, activityType = "comment", body = "stale" });
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);

        // The note's own grain has seen it (no links yet) before the link comes: only the link change meets the stale comment.
        using var gateway = fixture.GatewayClient();
        var newest = Sg.NewestEventId;
        await Eventually.WaitAsync(() => gateway.ProjectEventsAsync(stream.Seeded.ProjectId), c => c.GetProperty("watermark").GetInt64() >= newest, "the leecher to apply the new note");
        Sg.Update("Note", noteId, new() { ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", stream.Seeded.ShotIds[0]) } });

        var comment = await CommentOfAsync(stream.Name, activityId, c => c?.Body.Contains("v1", StringComparison.Ordinal) == true, "the existing comment to be brought up to date");
        Assert.Equal(activityId, Assert.Single(Comments(stream.Name)).Id);
        Assert.Equal("**Replay**\n\nv1", comment!.Body);
    }

    private async Task<EmuActivity?> CommentOfAsync(string project, string activityId, Func<EmuActivity?, bool> done, string what) =>
        await Eventually.WaitAsync(() => Task.FromResult(Comments(project).SingleOrDefault(a => a.Id == activityId)), done, what);

    private List<EmuActivity> Comments(string project) => Ayon.Activities(project).Where(a => a.ActivityType == "comment").ToList();

    private async Task<EmuActivity?> CommentOfAsync(string project, string type, long id, Func<EmuActivity?, bool> done, string what) =>
        await Eventually.WaitAsync(
            () => Task.FromResult(Comments(project).SingleOrDefault(a => a.Data["shotgridType"]?.GetValue<string>() == type && a.Data["shotgridId"]?.GetValue<string>() == id.ToString())),
            done, what);
}
