using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;

namespace AyonShotgrid.Grains.ShotGrid;

public sealed partial class ShotGridClient : IShotGridWriter
{
    public async Task<IReadOnlyList<SgRecord>> BatchAsync(IReadOnlyList<SgWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return [];
        }

        var requests = new JsonArray();
        foreach (var w in writes)
        {
            var request = new JsonObject { ["request_type"] = w.RequestType, ["entity"] = w.EntityType };
            if (w.RecordId is { } id)
            {
                request["record_id"] = id;
            }

            if (!w.Retire)
            {
                request["data"] = w.Data.DeepClone();
            }

            requests.Add(request);
        }

        // Plain JSON: _batch refuses the vendor array type (415). Retried like every call: a retry after a lost answer can
        // repeat creates, which the push finds by sg_ayon_id before it creates anything again.
        var body = new JsonObject { ["requests"] = requests }.ToJsonString();
        using var doc = await SendAuthorizedAsync(
            HttpMethod.Post, "/api/v1/entity/_batch", (request, ct) => request.SendAsync(HttpMethod.Post, PlainJson(body), cancellationToken: ct),
            nullOnNotFound: false, cancellationToken);
        if (doc is null || !doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new ShotGridException("ShotGrid answered the batch without a 'data' list.");
        }

        // A row is the record itself, or the record under "data" (both shapes are recorded); rows follow the requests' order.
        return data.EnumerateArray()
            .Select(row => row.ValueKind == JsonValueKind.Object && row.TryGetProperty("data", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : row)
            .Select(ShotGridJson.ReadRecord)
            .ToList();
    }

    public async Task CreateFieldAsync(string entityType, string dataType, string displayName, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["data_type"] = dataType,
            ["properties"] = new JsonArray(new JsonObject { ["property_name"] = "name", ["value"] = displayName }),
        }.ToJsonString();
        using var _ = await SendAuthorizedAsync(
            HttpMethod.Post, $"/api/v1/schema/{Uri.EscapeDataString(entityType)}/fields",
            (request, ct) => request.SendAsync(HttpMethod.Post, PlainJson(body), cancellationToken: ct), nullOnNotFound: false, cancellationToken);
    }

    private static ByteArrayContent PlainJson(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
