using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// Activities by id. AYON 1.15.18 answers one row per reference of an activity (origin, author, each mention), each
/// with the whole activity: the rows are folded by id.
/// </summary>
public sealed partial class AyonClient : IAyonActivities
{
    private const string ActivitiesByIdQuery = """
        query ActivitiesById($projectName: String!, $ids: [String!], $after: String) {
          project(name: $projectName) {
            activities(activityIds: $ids, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { activityId activityType body activityData } }
            }
          }
        }
        """;

    public async Task<IReadOnlyDictionary<string, AyonActivity>> GetActivitiesAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, AyonActivity>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(AyonGraphQlQueries.PageSize))
        {
            var rows = await ReadConnectionAsync(ActivitiesByIdQuery, project, "activities", n => new AyonActivity(
                Text(n["activityId"]) ?? "", Text(n["activityType"]) ?? "", Text(n["body"]) ?? "", ParseObject(Text(n["activityData"]))),
                cancellationToken, new JsonArray([.. chunk.Select(id => JsonValue.Create(id))]));
            foreach (var row in rows)
            {
                found.TryAdd(row.Id, row);
            }
        }

        return found;
    }
}
