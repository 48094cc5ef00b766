using Flurl.Http;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient
{
    public async Task<AyonOperationsResponse> SendOperationsAsync(
        string project, IReadOnlyList<AyonOperation> operations, bool canFail, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["operations"] = new JsonArray(operations.Select(op => (JsonNode?)WriteOperation(op)).ToArray()),
            ["canFail"] = canFail,
        };
        var answer = (await SendAsync(HttpMethod.Post, $"/api/projects/{Segment(project)}/operations", body, retry: true, cancellationToken))
            .EnsureSuccess(_options.ApiKey);
        var result = answer.Json() as JsonObject ?? throw new AyonException("AYON operations answered without a JSON object.");
        return new AyonOperationsResponse(
            Bool(result["success"]),
            result["operations"] is JsonArray ops ? ops.OfType<JsonObject>().Select(ReadOperationResult).ToList() : []);
    }

    public async Task<bool> PostEventAsync(AyonEventRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["topic"] = request.Topic,
            ["hash"] = request.Hash,
            ["description"] = request.Description,
            ["summary"] = request.Summary.DeepClone(),
            ["payload"] = request.Payload.DeepClone(),
            ["finished"] = true,
            ["store"] = true,
        };
        if (request.Project is not null)
        {
            body["project"] = request.Project;
        }

        // Sent once and outside AYON's circuit breaker: the event mirror retries with its own backoff (the hash makes a
        // repeat a 409, "already there"), and an event endpoint that fails must not open the circuit for the apply's calls.
        var answer = await SendAsync(HttpMethod.Post, "/api/events", body, retry: false, cancellationToken, probe: true);
        if (answer.Status == 409)
        {
            return false;
        }

        answer.EnsureSuccess(_options.ApiKey);
        return true;
    }

    public async Task<JsonObject?> GetAddonSettingsAsync(string addonName, string addonVersion, string variant, CancellationToken cancellationToken, string? project = null)
    {
        var path = $"/api/addons/{Segment(addonName)}/{Segment(addonVersion)}/settings" + (project is null ? "" : $"/{Segment(project)}");
        var answer = await SendAsync(
            HttpMethod.Get, path, null, retry: true, cancellationToken,
            query: request => request.SetQueryParam("variant", variant));
        if (answer.Status == 404)
        {
            return null;
        }

        return answer.EnsureSuccess(_options.ApiKey).Json() as JsonObject ?? [];
    }

    public async Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/api/secrets/{Segment(name)}", null, retry: true, cancellationToken);
        if (answer.Status == 404)
        {
            return null;
        }

        return Text(answer.EnsureSuccess(_options.ApiKey).Json()?["value"]);
    }

    private static JsonObject WriteOperation(AyonOperation op)
    {
        var item = new JsonObject { ["id"] = op.Id, ["type"] = op.Type, ["entityType"] = op.EntityType };
        if (op.EntityId is not null)
        {
            item["entityId"] = op.EntityId;
        }

        if (op.Data is not null)
        {
            item["data"] = op.Data.DeepClone();
        }

        if (op.Force)
        {
            item["force"] = true;
        }

        return item;
    }

    private static AyonOperationResult ReadOperationResult(JsonObject r) => new(
        Text(r["id"]) ?? "",
        Bool(r["success"]),
        r["status"] is JsonValue s && s.TryGetValue<int>(out var status) ? status : 0,
        Text(r["entityId"]),
        Text(r["errorCode"]),
        Text(r["detail"]));
}
