using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient
{
    // Each page is turned into models as it arrives: 100,000 entities held as JSON trees until the last page were most of
    // a second sync's memory.
    public async Task<IReadOnlyList<AyonFolder>> GetFoldersAsync(string project, CancellationToken cancellationToken, IReadOnlySet<string>? attributes = null)
    {
        // Folders come parents first, so a parent id is the parent's own id string.
        var shared = new SharedStrings();
        return await ReadConnectionAsync(AyonGraphQlQueries.Folders, project, "folders", n => new AyonFolder(
            shared.Of(Text(n["id"])) ?? "",
            Text(n["name"]) ?? "",
            Text(n["label"]),
            shared.Of(Text(n["folderType"])) ?? "",
            shared.Of(Text(n["parentId"])),
            shared.Of(Text(n["status"])),
            Bool(n["active"]),
            AyonAttribValues.Parse(Text(n["allAttrib"]), attributes),
            Strings(n["tags"])), cancellationToken);
    }

    public async Task<IReadOnlyList<AyonTask>> GetTasksAsync(string project, CancellationToken cancellationToken, IReadOnlySet<string>? attributes = null)
    {
        var shared = new SharedStrings();
        return await ReadConnectionAsync(AyonGraphQlQueries.Tasks, project, "tasks", n => ToTask(n, attributes, shared), cancellationToken);
    }

    public async Task<AyonTask?> GetTaskAsync(string project, string id, CancellationToken cancellationToken)
    {
        var tasks = await ReadConnectionAsync(AyonGraphQlQueries.TasksById, project, "tasks", n => ToTask(n, null), cancellationToken, new JsonArray(JsonValue.Create(id)));
        return tasks.FirstOrDefault(t => t.Id == id);
    }

    private static AyonTask ToTask(JsonObject n, IReadOnlySet<string>? attributes) => ToTask(n, attributes, new SharedStrings());

    private static AyonTask ToTask(JsonObject n, IReadOnlySet<string>? attributes, SharedStrings shared) => new(
        Text(n["id"]) ?? "",
        Text(n["name"]) ?? "",
        Text(n["label"]),
        shared.Of(Text(n["taskType"])) ?? "",
        shared.Of(Text(n["folderId"])) ?? "",
        shared.Of(Text(n["status"])),
        Bool(n["active"]),
        AyonAttribValues.Parse(Text(n["allAttrib"]), attributes),
        Strings(n["tags"]),
        Strings(n["assignees"]));

    /// <summary>A string list field, or null when the answer did not carry it; empty ones are one shared empty list.</summary>
    private static IReadOnlyList<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? (array.Count == 0 ? [] : array.Select(Text).OfType<string>().ToList()) : null;

    public async Task<IReadOnlySet<string>> GetExistingIdsAsync(string project, string entityType, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var (query, connection) = entityType switch
        {
            "folder" => (AyonGraphQlQueries.FolderIds, "folders"),
            "task" => (AyonGraphQlQueries.TaskIds, "tasks"),
            _ => throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "only folder and task ids can be looked up"),
        };
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        foreach (var chunk in ids.Chunk(AyonGraphQlQueries.PageSize))
        {
            var chunkIds = await ReadConnectionAsync(query, project, connection, n => Text(n["id"]), cancellationToken, new JsonArray([.. chunk.Select(id => JsonValue.Create(id))]));
            found.UnionWith(chunkIds.OfType<string>());
        }

        return found;
    }

    /// <summary>Follows <c>pageInfo.endCursor</c> until <c>hasNextPage</c> is false; returns every <c>edges[].node</c> as <paramref name="select"/> makes it.</summary>
    private async Task<List<T>> ReadConnectionAsync<T>(string query, string project, string connection, Func<JsonObject, T> select, CancellationToken cancellationToken, JsonArray? ids = null)
    {
        var nodes = new List<T>();
        string? after = null;
        while (true)
        {
            var variables = new JsonObject { ["projectName"] = project, ["after"] = after };
            if (ids is not null)
            {
                variables["ids"] = ids.DeepClone();
            }

            var body = new JsonObject { ["query"] = query, ["variables"] = variables };
            var answer = (await SendAsync(HttpMethod.Post, "/graphql", body, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
            var result = answer.Json() as JsonObject ?? throw new AyonException("AYON POST /graphql answered without a JSON object.");
            ThrowOnErrors(result);

            var page = result["data"]?["project"]?[connection] as JsonObject
                ?? throw new AyonException($"AYON GraphQL answered without project '{project}' {connection}.");
            if (page["edges"] is JsonArray edges)
            {
                nodes.AddRange(edges.Select(e => e?["node"]).OfType<JsonObject>().Select(select));
            }

            var info = page["pageInfo"];
            var next = Text(info?["endCursor"]);
            if (!Bool(info?["hasNextPage"]) || next is null || next == after)
            {
                return nodes;
            }

            after = next;
        }
    }

    /// <summary>GraphQL answers HTTP 200 even when it failed; the <c>errors</c> list is the verdict.</summary>
    private void ThrowOnErrors(JsonObject result)
    {
        if (result["errors"] is not JsonArray { Count: > 0 } errors)
        {
            return;
        }

        var messages = errors.Select(e => Text(e?["message"])).OfType<string>().ToList();
        var status = errors.Select(e => e?["extensions"]?["status"]).OfType<JsonValue>()
            .Select(v => v.TryGetValue<int>(out var s) ? s : (int?)null).FirstOrDefault(s => s is not null);
        var message = $"AYON GraphQL failed: {(messages.Count > 0 ? string.Join("; ", messages) : "unknown error")}";
        throw new AyonException(Http.SecretRedactor.Redact(message, _options.ApiKey), status is { } code ? (HttpStatusCode)code : null);
    }
}
