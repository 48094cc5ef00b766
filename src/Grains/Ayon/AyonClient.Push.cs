using System.Globalization;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient : IAyonEventStream
{
    private const string EventsQuery = """
        query Events($projects: [String!], $topics: [String!], $after: String, $first: Int) {
          events(projects: $projects, topics: $topics, first: $first, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id topic sender user summary payload createdAt } }
          }
        }
        """;

    private const string NewestEventQuery = """
        query NewestEvent($projects: [String!]) {
          events(projects: $projects, last: 1) { edges { cursor node { id } } }
        }
        """;

    private const string FoldersByIdQuery = """
        query FoldersById($projectName: String!, $ids: [String!], $after: String) {
          project(name: $projectName) {
            folders(ids: $ids, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label folderType parentId status tags active allAttrib } }
            }
          }
        }
        """;

    public async Task<AyonEventPage> ReadEventsAsync(string project, IReadOnlyList<string> topics, string? after, int first, CancellationToken cancellationToken)
    {
        var variables = new JsonObject
        {
            ["projects"] = new JsonArray(JsonValue.Create(project)),
            ["topics"] = new JsonArray([.. topics.Select(t => JsonValue.Create(t))]),
            ["after"] = after,
            ["first"] = first,
        };
        var events = await GraphQlRootAsync(EventsQuery, variables, cancellationToken);
        var list = new List<AyonEvent>();
        string? lastCursor = null;
        if (events?["edges"] is JsonArray edges)
        {
            foreach (var edge in edges.OfType<JsonObject>())
            {
                lastCursor = Text(edge["cursor"]) ?? lastCursor;
                if (edge["node"] is JsonObject node)
                {
                    list.Add(ToEvent(node));
                }
            }
        }

        var info = events?["pageInfo"];
        return new AyonEventPage(list, Text(info?["endCursor"]) ?? lastCursor, Bool(info?["hasNextPage"]));
    }

    public async Task<string?> NewestEventCursorAsync(string project, CancellationToken cancellationToken)
    {
        var events = await GraphQlRootAsync(NewestEventQuery, new JsonObject { ["projects"] = new JsonArray(JsonValue.Create(project)) }, cancellationToken);
        return events?["edges"] is JsonArray { Count: > 0 } edges ? Text(edges[0]?["cursor"]) : null;
    }

    public async Task<IReadOnlyList<AyonFolder>> GetFoldersByIdsAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var folders = new List<AyonFolder>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(AyonGraphQlQueries.PageSize))
        {
            folders.AddRange(await ReadConnectionAsync(FoldersByIdQuery, project, "folders", n => new AyonFolder(
                Text(n["id"]) ?? "", Text(n["name"]) ?? "", Text(n["label"]), Text(n["folderType"]) ?? "", Text(n["parentId"]),
                Text(n["status"]), Bool(n["active"]), AyonAttribValues.Parse(Text(n["allAttrib"])), Strings(n["tags"])), cancellationToken, new JsonArray([.. chunk.Select(id => JsonValue.Create(id))])));
        }

        return folders;
    }

    public async Task<IReadOnlyList<AyonTask>> GetTasksByIdsAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var tasks = new List<AyonTask>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(AyonGraphQlQueries.PageSize))
        {
            tasks.AddRange(await ReadConnectionAsync(AyonGraphQlQueries.TasksById, project, "tasks", n => ToTask(n, null), cancellationToken, new JsonArray([.. chunk.Select(id => JsonValue.Create(id))])));
        }

        return tasks;
    }

    public async Task SetProjectAttribAsync(string project, string attribute, JsonNode? value, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["attrib"] = new JsonObject { [attribute] = value?.DeepClone() } };
        (await SendAsync(HttpMethod.Patch, $"/api/projects/{Segment(project)}", body, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
    }

    private async Task<JsonObject?> GraphQlRootAsync(string query, JsonObject variables, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables };
        var answer = (await SendAsync(HttpMethod.Post, "/graphql", body, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
        var result = answer.Json() as JsonObject ?? throw new AyonException("AYON POST /graphql answered without a JSON object.");
        ThrowOnErrors(result);
        return result["data"]?["events"] as JsonObject;
    }

    /// <summary>GraphQL carries an event's summary and payload as JSON-encoded strings.</summary>
    private static AyonEvent ToEvent(JsonObject node)
    {
        var summary = ParseObject(Text(node["summary"]));
        return new AyonEvent(
            Text(node["id"]) ?? "",
            Text(node["topic"]) ?? "",
            Text(node["sender"]),
            Text(node["user"]) ?? "",
            Text(summary["entityId"]) ?? Text(summary["id"]), // entity_list.* summaries name the list as "id"
            Text(summary["parentId"]),
            DateTimeOffset.TryParse(Text(node["createdAt"]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue,
            ParseObject(Text(node["payload"])),
            summary);
    }

    private static JsonObject ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
