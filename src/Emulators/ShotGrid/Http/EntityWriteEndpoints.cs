using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Create (201), update (200), delete = retire (204), revive (200); event rows are read-only (400). Writes are attributed to the token's ApiUser.</summary>
internal static class EntityWriteEndpoints
{
    public static async Task Create(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.Resolve(type);
        if (await ReadJsonObject(ctx) is not { } body)
        {
            return;
        }

        var actor = Actor(ctx);
        var record = s.Store.Locked(() =>
        {
            var row = s.Store.CreateCore(def, s.Store.ConvertJson(def, body, "create"), actor);
            return s.Writer.Write(row, def, CreateAnswerFields(def, body.Select(p => p.Key)), createFormat: true);
        });
        await Responses.Json(ctx, 201, new JsonObject { ["data"] = record });
    }

    public static async Task Update(HttpContext ctx, EmulatorServices s, string type, long id)
    {
        var def = s.Store.Schema.Resolve(type);
        if (await ReadJsonObject(ctx) is not { } body)
        {
            return;
        }

        var actor = Actor(ctx);
        var record = s.Store.Locked(() =>
        {
            var row = s.Store.UpdateCore(def, id, s.Store.ConvertJson(def, body, "update"), actor);
            return s.Writer.Write(row, def, null);
        });
        // The recorded update answer: the whole record, empty links and a status (ruby_vcr_excerpts "update").
        await Responses.Json(ctx, 200, new JsonObject { ["data"] = record, ["links"] = new JsonObject(), ["status"] = "successful" });
    }

    public static Task Delete(HttpContext ctx, EmulatorServices s, string type, long id)
    {
        var def = s.Store.Schema.Resolve(type);
        var actor = Actor(ctx);
        s.Store.Locked(() =>
        {
            s.Store.RetireCore(def, id, actor);
            return 0;
        });
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public static Task Revive(HttpContext ctx, EmulatorServices s, string type, long id)
    {
        var def = s.Store.Schema.Resolve(type);
        // 1, true and yes revive; a live row answers 200 with did_revive false (sg-groundtruth endpoints/post_entity_type_id).
        if (!ctx.Request.Query.TryGetValue("revive", out var revive))
        {
            throw ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject { ["revive"] = new JsonArray("revive is missing") });
        }

        if (revive.ToString().ToLowerInvariant() is not ("1" or "true" or "yes"))
        {
            throw ShotGridRequestException.BadRequest("Request Parameters invalid.", new JsonObject { ["revive"] = new JsonArray("revive must be true") });
        }

        var actor = Actor(ctx);
        var revived = s.Store.Locked(() => s.Store.ReviveCore(def, id, actor));
        return Responses.Json(ctx, 200, new JsonObject
        {
            ["data"] = new JsonObject { ["type"] = def.Type, ["id"] = id },
            ["links"] = new JsonObject { ["self"] = ctx.Request.Path.Value },
            ["meta"] = new JsonObject { ["did_revive"] = revived },
        });
    }

    /// <summary>
    /// A create answers the fields it was sent, the ones the server set (timestamps, display name, generated code,
    /// defaults) and every link field; not the whole record as an update does (recorded "create" pair, sg-groundtruth 024).
    /// </summary>
    internal static IReadOnlyList<string> CreateAnswerFields(EntityDef def, IEnumerable<string> sent)
    {
        var wanted = new HashSet<string>(sent, StringComparer.Ordinal) { "created_at", "updated_at", "cached_display_name", def.IdentityField };
        return def.Fields.Values.Where(f => f.IsLink || f.DefaultValue is not null || wanted.Contains(f.Name)).Select(f => f.Name).ToList();
    }

    private static StoreActor? Actor(HttpContext ctx) => ctx.Items["sg-actor"] as StoreActor;

    private static async Task<JsonObject?> ReadJsonObject(HttpContext ctx)
    {
        if (Responses.MediaType(ctx) != "application/json")
        {
            await Responses.UnsupportedContentType(ctx, "application/json");
            return null;
        }

        return await Responses.ReadBody(ctx) as JsonObject ?? throw ShotGridRequestException.BadRequest("Request body must be a JSON object.");
    }
}
