using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>What the AYON → ShotGrid push reads: the entity events an <c>/operations</c> write causes, through GraphQL.</summary>
public abstract partial class AyonConformanceTests
{
    private const string EventsQuery = """
        query($projects:[String!], $topics:[String!], $after:String){
          events(projects:$projects, topics:$topics, first:100, after:$after){
            pageInfo{ hasNextPage endCursor } edges{ cursor node{ id topic sender user summary payload } } } }
        """;

    [Fact]
    public async Task Operations_emit_entity_events_with_their_sender_that_GraphQl_pages_by_cursor()
    {
        var p = await NewProjectAsync("entev");
        var (sq, sh, task) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var sender = new Dictionary<string, string> { ["x-sender"] = "conf-sender.1", ["x-sender-type"] = "shotgrid" };
        var created = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/operations", J($$$"""
            {"operations":[
              {"type":"create","entityType":"folder","entityId":"{{{sq}}}","data":{"name":"sq010","folderType":"Sequence"}},
              {"type":"create","entityType":"folder","entityId":"{{{sh}}}","data":{"name":"sh010","folderType":"Shot","parentId":"{{{sq}}}"}},
              {"type":"create","entityType":"task","entityId":"{{{task}}}","data":{"name":"comp","taskType":"Compositing","folderId":"{{{sh}}}"}}]}
            """), headers: sender);
        Assert.Equal(HttpStatusCode.OK, created.Status);

        // AYON dispatches the events after it answers: wait for them rather than assume they are there.
        var first = await EventsAfterAsync(p, null, 3);
        Assert.Equal(["entity.folder.created", "entity.folder.created", "entity.task.created"], first.Select(e => Topic(e)).ToArray());
        Assert.All(first, e => Assert.Equal("conf-sender.1", e["node"]!["sender"]?.GetValue<string>()));
        Assert.Equal([sq, sh, task], first.Select(e => Summary(e)["entityId"]!.GetValue<string>()).ToArray());
        Assert.Equal(sq, Summary(first[1])["parentId"]!.GetValue<string>());
        Assert.Equal(sh, Summary(first[2])["parentId"]!.GetValue<string>());
        var cursor = first[^1]["cursor"]!.GetValue<string>();

        // A person's change (no sender headers) after the cursor: only the new event, sender null, with old and new values.
        var patched = await Ayon.PatchAsync($"api/projects/{p}/folders/{sh}", J("""{"label":"Shot 10"}"""));
        Assert.Equal(HttpStatusCode.NoContent, patched.Status);
        var next = await EventsAfterAsync(p, cursor, 1);
        Assert.Equal("entity.folder.label_changed", Topic(next[0]));
        Assert.Null(next[0]["node"]!["sender"]?.GetValue<string>());
        Assert.Equal(sh, Summary(next[0])["entityId"]!.GetValue<string>());
        Assert.Equal("Shot 10", JsonNode.Parse(next[0]["node"]!["payload"]!.GetValue<string>())!["newValue"]!.GetValue<string>());

        // The newest event's cursor (what the push starts from when it is switched on) is the last one listed.
        var newest = await Ayon.GraphQlAsync("query($projects:[String!]){ events(projects:$projects, last:1){ edges{ cursor node{ topic } } } }",
            new JsonObject { ["projects"] = new JsonArray(p) });
        Assert.Equal(next[^1]["cursor"]!.GetValue<string>(), newest.Body!["data"]!["events"]!["edges"]![0]!["cursor"]!.GetValue<string>());
    }

    /// <summary>The folder/task events (or those of <paramref name="topics"/>) of a project after <paramref name="after"/>, once at least <paramref name="count"/> are there.</summary>
    private async Task<List<JsonNode>> EventsAfterAsync(string project, string? after, int count, string[]? topics = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var answer = await Ayon.GraphQlAsync(EventsQuery, new JsonObject
            {
                ["projects"] = new JsonArray(project),
                ["topics"] = new JsonArray([.. (topics ?? ["entity.folder.*", "entity.task.*"]).Select(t => (JsonNode)t)]),
                ["after"] = after,
            });
            var edges = answer.Body?["data"]?["events"]?["edges"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
            if (edges.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(edges.Count >= count, $"expected {count} events after {after ?? "the start"}: {answer}");
                return edges;
            }

            await ticker.WaitForNextTickAsync();
        }
    }

    private static string Topic(JsonNode edge) => edge["node"]!["topic"]!.GetValue<string>();

    private static JsonNode Summary(JsonNode edge) => JsonNode.Parse(edge["node"]!["summary"]!.GetValue<string>())!;
}
