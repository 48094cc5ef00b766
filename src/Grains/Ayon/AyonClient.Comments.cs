using System.Globalization;
using System.Text.Json.Nodes;
using Flurl.Http;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient : IAyonComments
{
    public async Task<bool> CreateCommentAsync(string project, string entityType, string entityId, string activityId, string body,
        DateTimeOffset createdAt, JsonObject data, string? asUser, CancellationToken cancellationToken)
    {
        var path = $"/api/projects/{Segment(project)}/{Segment(entityType)}/{Segment(entityId)}/activities";
        var payload = new JsonObject
        {
            ["id"] = activityId,
            ["activityType"] = "comment",
            ["body"] = body,
            ["timestamp"] = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["data"] = data.DeepClone(),
        };

        // Not retried here: AYON 1.15.18 answers a taken id with HTTP 500 (a unique-violation body), which a retry would
        // take for an outage. A failed create fails the note's grain call and the leecher delivers the event again; the
        // id is ours, so a create whose answer was lost is then read as "already there".
        var answer = await SendAsync(HttpMethod.Post, path, payload, retry: false, cancellationToken,
            query: asUser is null ? null : r => r.WithHeader("x-as-user", asUser));
        if (asUser is not null && answer.Status is 403 or 404)
        {
            // The linked user may not see this entity (or no longer exists): the service user writes it instead.
            answer = await SendAsync(HttpMethod.Post, path, payload, retry: false, cancellationToken);
        }

        if (answer.Status == 409 || (answer.Status == 500 && answer.Body.Contains("\"unique-violation\"", StringComparison.Ordinal)))
        {
            return false;
        }

        answer.EnsureSuccess(_options.ApiKey);
        return true;
    }

    public async Task<bool> UpdateCommentAsync(string project, string activityId, string body, JsonObject? data, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["body"] = body };
        if (data is not null)
        {
            payload["data"] = data.DeepClone();
        }

        var answer = await SendAsync(HttpMethod.Patch, $"/api/projects/{Segment(project)}/activities/{Segment(activityId)}", payload, retry: true, cancellationToken);
        if (answer.Status == 404)
        {
            return false;
        }

        answer.EnsureSuccess(_options.ApiKey);
        return true;
    }

    public async Task DeleteCommentAsync(string project, string activityId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Delete, $"/api/projects/{Segment(project)}/activities/{Segment(activityId)}", null, retry: true, cancellationToken);
        if (answer.Status != 404)
        {
            answer.EnsureSuccess(_options.ApiKey);
        }
    }
}
