using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Push;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// What one page of AYON <c>activity.*</c> events asks of ShotGrid for one comment: its last state in the page (created,
/// edited, or deleted), its body, who wrote it, the entity it is on and the activities it mentions (a mention of a
/// comment linked to a ShotGrid note makes it a reply in that note's thread). AYON 1.15.18 names all of these in the
/// event (<c>summary.activity_id</c>, <c>summary.references</c>, <c>payload.body</c>), so the page needs no AYON read.
/// </summary>
public sealed record AyonCommentChange(
    string ActivityId, bool Created, bool Deleted, string Body, string Author, string? EntityType, string? EntityId, IReadOnlyList<string> MentionedActivities)
{
    public const string TopicPattern = "activity.*";

    /// <summary>The page's comments, one change each, in the order they first appear; events of the cluster's own writes are counted apart.</summary>
    public static (IReadOnlyList<AyonCommentChange> Changes, int OwnSkipped) From(IEnumerable<AyonEvent> events)
    {
        var changes = new Dictionary<string, AyonCommentChange>(StringComparer.Ordinal);
        var order = new List<string>();
        var own = 0;
        foreach (var e in events)
        {
            if (e.Summary is not { } summary || Text(summary["activity_type"]) != "comment" || Text(summary["activity_id"]) is not { } id)
            {
                continue;
            }

            if (PushEcho.IsOwn(e))
            {
                // The cluster's own comments (made from ShotGrid notes) and its link writes are never pushed back.
                own++;
                continue;
            }

            var refs = (summary["references"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var origin = refs.FirstOrDefault(r => Text(r["reference_type"]) == "origin");
            var mentions = refs.Where(r => Text(r["reference_type"]) == "mention" && Text(r["entity_type"]) == "activity")
                .Select(r => Text(r["entity_id"])).OfType<string>().Where(m => m != id).Distinct(StringComparer.Ordinal).ToList();
            var before = changes.GetValueOrDefault(id);
            if (before is null)
            {
                order.Add(id);
            }

            changes[id] = e.Topic switch
            {
                "activity.deleted" => (before ?? Empty(id, e.User)) with { Deleted = true },
                "activity.created" => new AyonCommentChange(id, true, false, Text(e.Payload["body"]) ?? "", e.User, Text(origin?["entity_type"]), Text(origin?["entity_id"]), mentions),
                "activity.updated" => (before ?? Empty(id, e.User) with { EntityType = Text(origin?["entity_type"]), EntityId = Text(origin?["entity_id"]), MentionedActivities = mentions })
                    with { Body = Text(e.Payload["body"]) ?? before?.Body ?? "", Deleted = false },
                _ => before ?? Empty(id, e.User),
            };
        }

        return (order.Select(id => changes[id]).ToList(), own);
    }

    private static AyonCommentChange Empty(string id, string user) => new(id, false, false, "", user, null, null, []);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
