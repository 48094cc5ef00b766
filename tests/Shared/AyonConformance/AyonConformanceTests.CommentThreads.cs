using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// What the AYON comment → ShotGrid note push reads: a comment's event names the comments it mentions
/// (<c>[…](activity:id)</c>) among its references, user mentions are not there (they have no id), comments go on
/// versions, and GraphQL <c>project.activities</c> reads comments back by id with their data.
/// </summary>
public abstract partial class AyonConformanceTests
{
    private const string ActivitiesByIdQuery = """
        query($p:String!, $ids:[String!]){ project(name:$p){ activities(activityIds:$ids, first:100){ edges{ node{ activityId activityType body activityData } } } } }
        """;

    [Fact]
    public async Task A_comment_that_mentions_another_names_it_in_its_event_and_comments_read_back_by_id()
    {
        var (p, _, _, _, version, _) = await PublishAsync("thread");
        var first = Guid.NewGuid().ToString("N");
        var onVersion = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/version/{version}/activities",
            new JsonObject { ["id"] = first, ["activityType"] = "comment", ["body"] = "too warm", ["data"] = new JsonObject { ["sg_note_id"] = 12 } });
        var answer = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/version/{version}/activities",
            new JsonObject { ["activityType"] = "comment", ["body"] = $"[see](activity:{first}) and [me](user:service)" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (onVersion.Status, answer.Status));
        var second = answer.Body!["id"]!.GetValue<string>();

        var events = await ActivityEventsAsync(p, 2);
        var summary = events.Select(e => JsonNode.Parse(e["summary"]!.GetValue<string>())!).Single(s => s["activity_id"]!.GetValue<string>() == second);
        var references = summary["references"]!.AsArray().Select(r => (Type: r!["entity_type"]!.GetValue<string>(), Id: r["entity_id"]?.GetValue<string>(), Kind: r["reference_type"]!.GetValue<string>())).ToList();
        Assert.Contains(("version", version, "origin"), references);
        Assert.Contains(("activity", first, "mention"), references);
        Assert.DoesNotContain(references, r => r.Type == "user");

        var read = await Ayon.GraphQlAsync(ActivitiesByIdQuery, new JsonObject { ["p"] = p, ["ids"] = new JsonArray(first, second) });
        var nodes = read.Body!["data"]!["project"]!["activities"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal(new[] { first, second }.Order().ToArray(), nodes.Select(n => n["activityId"]!.GetValue<string>()).Distinct().Order().ToArray());
        var data = JsonNode.Parse(nodes.First(n => n["activityId"]!.GetValue<string>() == first)["activityData"]!.GetValue<string>())!;
        Assert.Equal(12, data["sg_note_id"]!.GetValue<int>());
        Assert.Equal("version", data["origin"]!["type"]!.GetValue<string>());
    }
}
