using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>/api/events</c>: create (unique hash), get, patch, delete.</summary>
internal static class EventEndpoints
{
    private const string Model = "DispatchEventRequestModel";
    private static readonly string[] Statuses = ["pending", "in_progress", "finished", "failed", "aborted", "restarted"];

    public static void MapEventEndpoints(this WebApplication app, AyonStore store)
    {
        app.MapPost("/api/events", async (HttpContext http) =>
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, http.RequestAborted);
            var origin = RequestOriginReader.From(http);
            var topic = JsonFields.GetString(body, "topic", Model)
                ?? throw AyonProblem.InvalidData(Model, "topic", "field required", "value_error.missing");
            if (!NamingRules.Topic().IsMatch(topic))
            {
                throw AyonProblem.InvalidData(Model, "topic", $"string does not match regex \"{NamingRules.Topic()}\"", "value_error.str.regex");
            }

            var id = NamingRules.NewId();
            var now = store.Time.GetUtcNow();
            var draft = new EventRecord(
                id, JsonFields.GetString(body, "hash", Model) ?? id, topic,
                JsonFields.GetString(body, "sender", Model) ?? origin.Sender, origin.SenderType,
                JsonFields.GetString(body, "project", Model), origin.User, null,
                JsonFields.GetBool(body, "finished", Model) == false ? "pending" : "finished", 0,
                JsonFields.GetString(body, "description", Model) ?? "",
                (JsonObject)(JsonFields.GetObject(body, "summary", Model) ?? []).DeepClone(),
                (JsonObject)(JsonFields.GetObject(body, "payload", Model) ?? []).DeepClone(),
                0, now, now);
            if (JsonFields.GetBool(body, "store", Model) != false)
            {
                store.Locked(() => store.EventLog.Insert(draft, JsonFields.GetBool(body, "reuse", Model) ?? false));
            }

            return AyonResults.Json(new JsonObject { ["id"] = id });
        });

        app.MapGet("/api/events/{id}", (string id) => store.Locked(() =>
            store.EventLog.Get(RouteChecks.EntityId(id)) is { } e
                ? AyonResults.Json(e.ToJson())
                : AyonResults.Error(404, "Event not found")));

        app.MapPatch("/api/events/{id}", async (string id, HttpRequest request, CancellationToken ct) =>
        {
            RouteChecks.EntityId(id);
            var body = await JsonBody.ReadObjectAsync(request, ct);
            store.Locked(() =>
            {
                var e = store.EventLog.Get(id) ?? throw AyonProblem.NotFound("Event not found");
                store.EventLog.Replace(Patched(e, body, store.Time.GetUtcNow()));
            });
            return AyonResults.NoContent();
        });

        app.MapDelete("/api/events/{id}", (string id) =>
        {
            RouteChecks.EntityId(id);
            store.Locked(() => store.EventLog.Remove(id));
            return AyonResults.NoContent();
        });
    }

    /// <summary>Summary and payload are replaced, not merged; progress is broadcast-only and never stored.</summary>
    private static EventRecord Patched(EventRecord e, JsonObject body, DateTimeOffset now)
    {
        var status = JsonFields.GetString(body, "status", "EventPatchModel") ?? e.Status;
        if (!Statuses.Contains(status))
        {
            throw AyonProblem.InvalidData("EventPatchModel", "status", "unexpected value", "value_error.const");
        }

        var retries = JsonFields.Get(body, "retries") is JsonValue r && r.GetValueKind() == JsonValueKind.Number ? r.GetValue<int>() : e.Retries;
        return e with
        {
            Sender = JsonFields.Has(body, "sender") ? JsonFields.GetString(body, "sender", "EventPatchModel") : e.Sender,
            Project = JsonFields.Has(body, "project") ? JsonFields.GetString(body, "project", "EventPatchModel") : e.Project,
            User = JsonFields.GetString(body, "user", "EventPatchModel") ?? e.User,
            Status = status,
            Description = JsonFields.GetString(body, "description", "EventPatchModel") ?? e.Description,
            Summary = (JsonObject?)JsonFields.GetObject(body, "summary", "EventPatchModel")?.DeepClone() ?? e.Summary,
            Payload = (JsonObject?)JsonFields.GetObject(body, "payload", "EventPatchModel")?.DeepClone() ?? e.Payload,
            Retries = retries,
            UpdatedAt = now,
        };
    }
}
