using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// <c>POST /api/v1/entity/_batch</c> <c>{"requests": [{request_type, entity, record_id?, data?}]}</c>: 200 with one row per
/// request in request order; one refused request and nothing is written (sg-groundtruth endpoints/post_entity_batch,
/// recipes/002_batch, findings/024). <c>entity</c> is the schema name, not a URL slug.
/// </summary>
internal static class BatchEndpoint
{
    private static readonly string[] Kinds = ["create", "update", "delete"];

    public static async Task Post(HttpContext ctx, EmulatorServices s)
    {
        if (Responses.MediaType(ctx) != "application/json")
        {
            await Responses.UnsupportedContentType(ctx, "application/json");
            return;
        }

        var body = await Responses.ReadBody(ctx);
        if (body is JsonArray)
        {
            throw ShotGridRequestException.BadRequest("Invalid JSON body. Expected Hash but received Array.");
        }

        if (body?["requests"] is not JsonArray list)
        {
            throw Invalid(new JsonObject { ["requests"] = new JsonArray("requests is missing") });
        }

        var requests = list.Select((r, i) => Parse(s.Store, r as JsonObject ?? [], i)).ToList();
        var actor = ctx.Items["sg-actor"] as StoreActor;
        var rows = s.Store.Locked(() =>
        {
            try
            {
                var written = s.Store.ApplyBatch(requests, actor);
                return requests.Select((r, i) => Row(s, r, written[i])).ToArray();
            }
            catch (BatchRequestException e)
            {
                throw AsBatchError(e.Refusal);
            }
        });
        await Responses.Json(ctx, 200, new JsonObject { ["data"] = new JsonArray(rows) });
    }

    private static BatchRequest Parse(ShotGridStore store, JsonObject request, int index)
    {
        var kind = (request["request_type"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
        if (kind is null || !Kinds.Contains(kind))
        {
            throw Invalid(Indexed(index, "request_type", "request_type must be one of: create, update, delete"));
        }

        if ((request["entity"] as JsonValue)?.TryGetValue<string>(out var type) != true)
        {
            throw Invalid(Indexed(index, "entity", "entity is missing"));
        }

        // Real ShotGrid names the type it could not find as empty: "entity type [] does not exist".
        var def = store.Schema.ByType(type!) ?? throw ShotGridRequestException.BadRequest("Invalid entity type: entity type [] does not exist.");

        // A missing record_id reads as 0 (404 below), as does the spelling entity_id.
        var id = (request["record_id"] as JsonValue)?.TryGetValue<long>(out var recordId) == true ? recordId : 0;
        if (kind == "delete")
        {
            return new BatchRequest(kind, def, id, null);
        }

        if (request["data"] is not JsonObject data || data.Count == 0)
        {
            throw Invalid(new JsonObject { ["data"] = new JsonArray("data hash containing field/value pairs is required for the given request") });
        }

        if (data.Select(p => p.Key).FirstOrDefault(name => !def.Fields.ContainsKey(name)) is { } unknown)
        {
            throw ShotGridRequestException.BadRequest(
                $"Invalid field value, update failed [2 - Invalid field name: field [{def.Type}.{unknown}] does not exist or user does not have access permission.]");
        }

        try
        {
            return new BatchRequest(kind, def, id, store.ConvertJson(def, data, kind));
        }
        catch (ShotGridRequestException e)
        {
            throw AsBatchError(e);
        }
    }

    private static JsonNode Row(EmulatorServices s, BatchRequest request, EntityRow row) => request.Kind switch
    {
        "create" => new JsonObject { ["data"] = s.Writer.Write(row, row.Def, EntityWriteEndpoints.CreateAnswerFields(row.Def, request.Values!.Keys), createFormat: true) },
        "update" => new JsonObject { ["data"] = s.Writer.Write(row, row.Def, null), ["links"] = new JsonObject(), ["status"] = "successful" },
        _ => new JsonObject
        {
            ["request_type"] = "delete", ["type"] = row.Type, ["id"] = row.Id, ["uuid"] = Guid.NewGuid().ToString(), ["did_delete"] = true,
        },
    };

    /// <summary>A refused value reads as the field error wrapped in "Invalid field value, update failed [5 - ...]".</summary>
    private static ShotGridRequestException AsBatchError(ShotGridRequestException e) =>
        e.Status == 400 && e.Title.StartsWith("Update failed for", StringComparison.Ordinal)
            ? new ShotGridRequestException(400, e.Code, $"Invalid field value, update failed [5 - {e.Title}]", e.Detail, e.ErrorSource)
            : e;

    private static JsonObject Indexed(int index, string key, string message) =>
        new() { ["requests"] = new JsonObject { [index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { [key] = new JsonArray(message) } } };

    private static ShotGridRequestException Invalid(JsonObject source) => ShotGridRequestException.BadRequest("Request Parameters invalid.", source);
}
