using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>GET list, GET one, _search and _summarize.</summary>
internal static class EntityReadEndpoints
{
    public const string ArrayType = "application/vnd+shotgun.api3_array+json";
    public const string HashType = "application/vnd+shotgun.api3_hash+json";

    public static Task List(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.Resolve(type);
        if (VendorAccept(ctx))
        {
            return NotAcceptable(ctx);
        }

        var q = ctx.Request.Query;
        var filters = q.Where(p => p.Key.StartsWith("filter[", StringComparison.Ordinal) && p.Key.EndsWith(']'))
            .Select(p => KeyValuePair.Create(p.Key[7..^1], p.Value.ToString()));
        var filter = FilterParser.ParseQuery(s.Store.Schema, def, filters);
        return RunQuery(ctx, s, def, filter, null, null, null, null, search: false);
    }

    public static async Task Search(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.Resolve(type);
        var hash = VendorForm(ctx);
        if (hash is null)
        {
            await Responses.UnsupportedContentType(ctx, ArrayType, HashType);
            return;
        }

        var body = await Responses.ReadBody(ctx) as JsonObject ?? [];
        var filter = FilterParser.ParseBody(s.Store.Schema, def, body["filters"], hash.Value);
        await RunQuery(ctx, s, def, filter, body["fields"], body["sort"], body["page"], body["options"], search: true);
    }

    public static Task Read(HttpContext ctx, EmulatorServices s, string type, long id)
    {
        var def = s.Store.Schema.Resolve(type);
        if (VendorAccept(ctx))
        {
            return NotAcceptable(ctx);
        }

        var fields = QueryParameters.Fields(null, ctx.Request.Query);
        var (retiredOnly, _) = QueryParameters.Options(null, ctx.Request.Query);
        var record = s.Store.Locked(() => s.Store.FindView(def, id, retiredOnly) is { } view ? s.Writer.Write(view, def, fields) : null);
        if (record is null)
        {
            return Responses.Error(ctx, 404, 104, "Not Found", $"{def.Type}: {id} not found");
        }

        var links = new JsonObject { ["self"] = ctx.Request.Path.Value + ctx.Request.QueryString.Value };
        return Responses.Json(ctx, 200, new JsonObject { ["data"] = record, ["links"] = links });
    }

    /// <summary>The vendor types select a _search body's filter syntax; as a GET Accept header they are 406 (sg-groundtruth 004).</summary>
    private static bool VendorAccept(HttpContext ctx) =>
        ctx.Request.Headers.Accept.Any(a => a?.Contains("vnd+shotgun.api3_", StringComparison.OrdinalIgnoreCase) == true);

    private static Task NotAcceptable(HttpContext ctx)
    {
        ctx.Response.StatusCode = 406;
        return Task.CompletedTask;
    }

    private static readonly string[] SummaryTypes =
        ["record_count", "count", "sum", "maximum", "minimum", "average", "earliest", "latest", "percentage", "status_percentage", "status_list", "checked", "unchecked"];

    /// <summary>Only counts are computed (what a sync needs); groups are always empty.</summary>
    public static async Task Summarize(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.Resolve(type);
        var hash = VendorForm(ctx);
        if (hash is null)
        {
            await Responses.UnsupportedContentType(ctx, ArrayType, HashType);
            return;
        }

        var body = await Responses.ReadBody(ctx) as JsonObject ?? [];
        var summaries = body["summary_fields"] as JsonArray ?? [];
        for (var i = 0; i < summaries.Count; i++)
        {
            var kind = summaries[i]?["type"]?.GetValue<string>();
            if (kind is null || !SummaryTypes.Contains(kind))
            {
                throw ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject
                {
                    ["summary_fields"] = new JsonObject
                    {
                        [i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
                        {
                            ["type"] = new JsonArray($"type must be one of: {string.Join(", ", SummaryTypes)}"),
                        },
                    },
                });
            }
        }

        var filter = FilterParser.ParseBody(s.Store.Schema, def, body["filters"], hash.Value);
        var count = s.Store.Locked(() => s.Store.Count(def, filter, retiredOnly: false));
        var result = new JsonObject();
        foreach (var summary in summaries)
        {
            result[summary!["field"]?.GetValue<string>() ?? "id"] = count;
        }

        await Responses.Json(ctx, 200, new JsonObject { ["data"] = new JsonObject { ["summaries"] = result, ["groups"] = new JsonArray() } });
    }

    /// <summary>true = hash filters, false = array filters, null = not a vendor content type (415).</summary>
    private static bool? VendorForm(HttpContext ctx) => Responses.MediaType(ctx) switch
    {
        HashType => true,
        ArrayType => false,
        _ => null,
    };

    private static Task RunQuery(
        HttpContext ctx, EmulatorServices s, EntityDef def, FilterNode? filter,
        JsonNode? bodyFields, JsonNode? bodySort, JsonNode? bodyPage, JsonNode? bodyOptions, bool search)
    {
        var q = ctx.Request.Query;
        var fields = QueryParameters.Fields(bodyFields, q);
        var sort = QueryParameters.Sort(s.Store.Schema, def, bodySort, q);
        var (number, size) = QueryParameters.Page(bodyPage, q);
        var (retiredOnly, includeArchived) = QueryParameters.Options(bodyOptions, q);
        var spec = new QuerySpec(def, filter, retiredOnly, includeArchived, sort, number, size);
        var data = s.Store.Locked(() => new JsonArray(s.Store.Query(spec).Select(r => (JsonNode?)s.Writer.Write(r, def, fields)).ToArray()));
        var links = search ? PageLinks.ForSearch(ctx, number, size) : PageLinks.ForList(ctx, number, size);
        return Responses.Json(ctx, 200, new JsonObject { ["data"] = data, ["links"] = links });
    }
}
