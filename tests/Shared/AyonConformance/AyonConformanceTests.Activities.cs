using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// Comments as the notes sync writes them (AYON 1.15.18 <c>api/activities</c>): a chosen id makes a repeated create a
/// unique violation (so a replay finds its comment instead of doubling it; HTTP 500 with a 409 body on this server), <c>x-as-user</c> makes a linked user the author, a patch
/// merges data, and each write emits an <c>activity.*</c> event carrying the writer's sender.
/// </summary>
public abstract partial class AyonConformanceTests
{
    private const string ActivityEventsQuery = """
        query($projects:[String!], $topics:[String!]){
          events(projects:$projects, topics:$topics, first:100){ edges{ node{ topic sender user summary payload } } } }
        """;

    [Fact]
    public async Task Comments_take_a_chosen_id_once_act_as_a_user_and_emit_activity_events()
    {
        var p = await NewProjectAsync("comment");
        var shot = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sh010","folderType":"Shot"}"""));
        var author = $"conf.author{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(HttpStatusCode.NoContent, (await Ayon.PutAsync($"api/users/{author}", J("""{"attrib":{"fullName":"Ann Lee"},"data":{"isManager":true}}"""))).Status);
        var id = Guid.NewGuid().ToString("N");
        var sender = new Dictionary<string, string> { ["x-sender"] = "conf-sender.2", ["x-sender-type"] = "shotgrid", ["x-as-user"] = author };
        var comment = new JsonObject
        {
            ["id"] = id, ["activityType"] = "comment", ["body"] = "**Timing**\n\nHold 4 frames", ["timestamp"] = "2026-01-02T03:04:05Z",
            ["data"] = new JsonObject { ["sg_note_id"] = 7 },
        };

        var created = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/folder/{shot}/activities", comment, headers: sender);
        var again = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/folder/{shot}/activities", comment, headers: sender);
        var tooLong = await Ayon.PostAsync($"api/projects/{p}/folder/{shot}/activities", new JsonObject { ["activityType"] = "comment", ["body"] = new string('x', 2001) });
        var noEntity = await Ayon.PostAsync($"api/projects/{p}/folder/{Guid.NewGuid():N}/activities", J("""{"activityType":"comment","body":"x"}"""));
        var patched = await Ayon.SendAsync(HttpMethod.Patch, $"api/projects/{p}/activities/{id}", J("""{"body":"Hold 6 frames","data":{"sg_reply_id":9}}"""), headers: sender);
        var deleted = await Ayon.SendAsync(HttpMethod.Delete, $"api/projects/{p}/activities/{id}", headers: sender);
        var deletedAgain = await Ayon.DeleteAsync($"api/projects/{p}/activities/{id}");
        var patchGone = await Ayon.PatchAsync($"api/projects/{p}/activities/{id}", J("""{"body":"late"}"""));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(id, created.Body!["id"]!.GetValue<string>());
        // A taken id: the unique violation's 409 body, but HTTP 500 (raised inside the create's transaction).
        Assert.Equal(HttpStatusCode.InternalServerError, again.Status);
        Assert.Equal(("unique-violation", 409), (again.Body!["error"]!.GetValue<string>(), again.Body["code"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(HttpStatusCode.NotFound, noEntity.Status);
        Assert.Equal(HttpStatusCode.NoContent, patched.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.Status);
        Assert.Equal(HttpStatusCode.NotFound, patchGone.Status);

        // A person who comments starts watching the entity: a "watch" activity of its own, right after the comment.
        var all = await ActivityEventsAsync(p, 4);
        var watch = JsonNode.Parse(all[1]["summary"]!.GetValue<string>())!;
        Assert.Equal(("activity.created", "watch"), (all[1]["topic"]!.GetValue<string>(), watch["activity_type"]!.GetValue<string>()));
        var events = all.Where(e => JsonNode.Parse(e["summary"]!.GetValue<string>())!["activity_id"]!.GetValue<string>() == id).ToList();
        Assert.Equal(["activity.created", "activity.updated", "activity.deleted"], events.Select(e => e["topic"]!.GetValue<string>()).ToArray());
        Assert.All(events, e => Assert.Equal("conf-sender.2", e["sender"]?.GetValue<string>()));
        Assert.Equal(author, events[0]["user"]!.GetValue<string>());
        var summary = JsonNode.Parse(events[0]["summary"]!.GetValue<string>())!;
        Assert.Equal((id, "comment"), (summary["activity_id"]!.GetValue<string>(), summary["activity_type"]!.GetValue<string>()));
        Assert.Contains(summary["references"]!.AsArray(), r => r!["reference_type"]!.GetValue<string>() == "origin" && r["entity_id"]!.GetValue<string>() == shot);
        Assert.Equal("**Timing**\n\nHold 4 frames", JsonNode.Parse(events[0]["payload"]!.GetValue<string>())!["body"]!.GetValue<string>());
        Assert.Equal("Hold 6 frames", JsonNode.Parse(events[1]["payload"]!.GetValue<string>())!["body"]!.GetValue<string>());
    }

    /// <summary>The project's activity events once at least <paramref name="count"/> are there (AYON dispatches after answering).</summary>
    private async Task<List<JsonNode>> ActivityEventsAsync(string project, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var answer = await Ayon.GraphQlAsync(ActivityEventsQuery, new JsonObject { ["projects"] = new JsonArray(project), ["topics"] = new JsonArray("activity.*") });
            var nodes = answer.Body?["data"]?["events"]?["edges"]?.AsArray().Select(e => e!["node"]!).ToList() ?? [];
            if (nodes.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(nodes.Count >= count, $"expected {count} activity events: {answer}");
                return nodes;
            }

            await ticker.WaitForNextTickAsync();
        }
    }
}
