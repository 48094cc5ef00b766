using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.RealAyon.Tests.Infrastructure;

namespace AyonShotgrid.RealAyon.Tests.EndToEnd;

/// <summary>ShotGrid Notes ↔ comments on the real server, both directions (push on), and neither comes back.</summary>
[Collection(RealAyonCollection.Name)]
public sealed class NotesTests(RealAyonServer server)
{
    // Real AYON answers one row per reference of an activity: rows are folded by id below.
    private const string CommentsQuery =
        "query($p:String!){ project(name:$p){ activities(activityTypes:[\"comment\"], first:500){ edges{ node{ activityId body activityData } } } } }";

    [Fact]
    public async Task A_ShotGrid_note_becomes_a_real_AYON_comment_and_a_comment_made_in_AYON_becomes_a_note()
    {
        // The shared demo run first: it checks that Prepare finds a fresh server, which this test's Prepare would spoil.
        await server.DemoAsync();
        await using var deployment = await SyncDeployment.StartAsync("real-ayon-notes", server.BaseUrl, server.ApiKey, push: true);
        var sg = deployment.Cluster.ShotGrid.Store;
        var (projectId, shot, ayonName) = await PushedShotProject.CreateAsync(deployment, "Notes");

        // ShotGrid → AYON through the leecher: a comment on the shot's folder that keeps the note id.
        var note = sg.Create("Note", new()
        {
            ["project"] = new EntityLink("Project", projectId), ["subject"] = "Timing", ["content"] = "Hold 4 frames",
            ["note_links"] = new List<EntityLink> { new("Shot", shot) },
        });
        var fromShotGrid = await Eventually.WaitAsync(
            () => CommentsAsync(deployment, ayonName), cs => cs.Any(c => NoteId(c) == note), $"note {note} to reach real AYON", TimeSpan.FromSeconds(60));
        Assert.Contains("Hold 4 frames", fromShotGrid.Single(c => NoteId(c) == note)["body"]!.GetValue<string>());

        // AYON → ShotGrid: a comment a person makes on the shot in real AYON becomes a Note on the Shot.
        var folder = (await AyonReadBack.FoldersAsync(deployment.Ayon, ayonName)).Linked("Shot", shot).Id;
        var made = await deployment.Ayon.CreateAsync($"api/projects/{ayonName}/folder/{folder}/activities",
            new JsonObject { ["activityType"] = "comment", ["body"] = "Cooler please" });
        var pushed = await Eventually.WaitAsync(
            () => Task.FromResult(sg.FindIds("Note", "sg_ayon_id", made)), ids => ids.Count == 1, $"comment {made} to reach ShotGrid", TimeSpan.FromSeconds(60));
        var pushedNote = sg.Get("Note", pushed[0])!;
        // Real AYON's service user has no ShotGrid link, so the note names its author in the text.
        Assert.Equal("Cooler please\n\n— service (AYON)", pushedNote["content"]);
        Assert.Equal([new EntityLink("Shot", shot)], (IEnumerable<EntityLink>)pushedNote["note_links"]!);

        // No echo: the comment learns its note's id, and neither side gains a copy of the other's.
        var linked = await Eventually.WaitAsync(
            () => CommentsAsync(deployment, ayonName), cs => cs.Any(c => Id(c) == made && NoteId(c) == pushed[0]), $"comment {made} to keep note {pushed[0]}", TimeSpan.FromSeconds(30));
        Assert.Equal(2, linked.Count);
        Assert.Equal([note, pushed[0]], sg.FindIds("Note", "project", new EntityLink("Project", projectId)).Order());
    }

    private static string Id(JsonNode comment) => comment["activityId"]!.GetValue<string>();

    private static long? NoteId(JsonNode comment) =>
        JsonNode.Parse(comment["activityData"]?.GetValue<string>() ?? "{}")?["sg_note_id"]?.GetValue<long>();

    /// <summary>The real project's comments, one per activity.</summary>
    private static async Task<IReadOnlyList<JsonNode>> CommentsAsync(SyncDeployment deployment, string project)
    {
        var answer = await deployment.Ayon.GraphQlAsync(CommentsQuery, new JsonObject { ["p"] = project });
        var edges = answer.Body?["data"]?["project"]?["activities"]?["edges"]?.AsArray() ?? [];
        return edges.Select(e => e!["node"]!).DistinctBy(Id).ToList();
    }
}
