using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// Entity lists over REST. A taken label is answered HTTP 500 with <c>"error":"unique-violation"</c> in the body and a
/// missing entity 404 "Version &lt;id&gt; not found" (measured on 1.15.18); both are read as answers, and list writes
/// that can meet them are not retried (a 500 here is not transient), the next poll tries again instead.
/// </summary>
public sealed partial class AyonClient : IAyonEntityLists
{
    public async Task<AyonEntityList?> GetListAsync(string project, string id, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, ListPath(project, id), null, retry: true, cancellationToken);
        if (answer.Status == 404)
        {
            return null;
        }

        var list = answer.EnsureSuccess(_options.ApiKey).Json() as JsonObject
            ?? throw new AyonException($"AYON GET {ListPath(project, id)} answered with something that is not a list.");
        var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return new AyonEntityList(
            Text(list["id"]) ?? id, Text(list["label"]) ?? "", Text(list["entityType"]) ?? "",
            list["data"] is JsonObject data ? (JsonObject)data.DeepClone() : [],
            items.Select(i => Text(i["entityId"]) ?? "").ToList(), items.Select(i => Text(i["id"]) ?? "").ToList(),
            Playlists.ListDescription.Of(Text(list["attrib"]?["description"])));
    }

    public async Task<AyonListWrite> CreateListAsync(string project, AyonEntityList list, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["id"] = list.Id,
            ["entityType"] = list.EntityType,
            ["label"] = list.Label,
            ["data"] = list.Data.DeepClone(),
            ["attrib"] = list.Description is null ? new JsonObject() : new JsonObject { ["description"] = list.Description },
            ["items"] = new JsonArray([.. list.EntityIds.Select(e => (JsonNode)new JsonObject { ["entityId"] = e })]),
        };
        return Read(await SendAsync(HttpMethod.Post, $"/api/projects/{Segment(project)}/lists", body, retry: false, cancellationToken));
    }

    public async Task<AyonListWrite> PatchListAsync(string project, string id, string? label, JsonObject? data, string? description, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (label is not null)
        {
            body["label"] = label;
        }

        if (data is not null)
        {
            body["data"] = data.DeepClone();
        }

        if (description is not null)
        {
            body["attrib"] = new JsonObject { ["description"] = description };
        }

        return Read(await SendAsync(HttpMethod.Patch, ListPath(project, id), body, retry: false, cancellationToken));
    }

    public async Task<AyonListWrite> SetItemsAsync(string project, AyonEntityList current, IReadOnlyList<string> entityIds, CancellationToken cancellationToken)
    {
        // AYON asks for at least one item in a multi-patch: emptying a list is a delete of every item it has.
        var body = entityIds.Count > 0
            ? new JsonObject { ["mode"] = "replace", ["items"] = new JsonArray([.. entityIds.Select(e => (JsonNode)new JsonObject { ["entityId"] = e })]) }
            : new JsonObject { ["mode"] = "delete", ["items"] = new JsonArray([.. current.ItemIds.Select(i => (JsonNode)new JsonObject { ["id"] = i })]) };
        if (entityIds.Count == 0 && current.ItemIds.Count == 0)
        {
            return AyonListWrite.Ok;
        }

        return Read(await SendAsync(HttpMethod.Patch, ListPath(project, current.Id) + "/items", body, retry: false, cancellationToken));
    }

    public async Task DeleteListAsync(string project, string id, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Delete, ListPath(project, id), null, retry: true, cancellationToken);
        if (answer.Status != 404)
        {
            answer.EnsureSuccess(_options.ApiKey);
        }
    }

    private AyonListWrite Read(AyonAnswer answer)
    {
        if (answer.IsSuccess)
        {
            return AyonListWrite.Ok;
        }

        if (answer.Status == 500 && answer.Body.Contains("\"unique-violation\"", StringComparison.Ordinal))
        {
            return new AyonListWrite(false, LabelTaken: true);
        }

        if (answer.Status == 404 && MissingEntity().Match(answer.Body) is { Success: true } m)
        {
            return new AyonListWrite(false, MissingEntityId: m.Groups[1].Value);
        }

        throw AyonErrors.FromResponse(answer.Method, answer.Path, answer.Status, answer.Body, _options.ApiKey);
    }

    private static string ListPath(string project, string id) => $"/api/projects/{Segment(project)}/lists/{Segment(id)}";

    [GeneratedRegex(@"""[A-Z][a-z]+ ([0-9a-f]{32}) not found""")]
    private static partial Regex MissingEntity();
}
