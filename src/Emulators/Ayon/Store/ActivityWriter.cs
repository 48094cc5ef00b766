using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Activities as AYON 1.15.18 writes them (<c>ayon_server/activities/create_activity.py</c>, <c>update_activity.py</c>,
/// <c>delete_activity.py</c>): the caller may choose the id (a taken one is a unique violation); the server adds
/// <c>data.origin</c> and <c>data.author</c>; the body is at most 2,000 characters; a patch merges <c>data</c> and never
/// changes the author; every write emits <c>activity.created</c> / <c>activity.updated</c> / <c>activity.deleted</c>
/// whose summary names the activity and its entity references. Caller holds the store lock.
/// </summary>
internal static class ActivityWriter
{
    public const int MaxBodyLength = 2000;

    private static readonly string[] ActivityTypes =
        ["comment", "watch", "reviewable", "status.change", "assignee.add", "assignee.remove", "version.publish", "version.review", "attrib.change"];

    /// <param name="byPerson">Written by a person (not a service user): the server then makes the author a watcher of the entity.</param>
    public static string Create(WriteContext ctx, string entityType, string entityId, string author, bool byPerson, JsonObject body)
    {
        ctx.ThrowIfWritesRejected();
        var (name, label, subtype) = Origin(ctx.Project, entityType, entityId);
        var type = body["activityType"] is JsonValue t && t.TryGetValue<string>(out var at) ? at : null;
        if (type is null || !ActivityTypes.Contains(type, StringComparer.Ordinal))
        {
            throw AyonProblem.InvalidData("body", "activityType", $"unexpected value; permitted: {string.Join(", ", ActivityTypes.Select(a => $"'{a}'"))}", "value_error.const");
        }

        var text = Text(body["body"]) ?? "";
        CheckLength(type, text);
        var id = Text(body["id"]) ?? NamingRules.NewId();
        if (!NamingRules.EntityId().IsMatch(id))
        {
            throw AyonProblem.InvalidData("body", "id", "string does not match regex \"^[0-9a-f]{32}$\"", "value_error.str.regex");
        }

        if (ctx.Project.Activities.ContainsKey(id))
        {
            throw AyonProblem.Unique($"Activitie with id '{NamingRules.Dashed(id)}' already exists.");
        }

        var data = body["data"] is JsonObject d ? (JsonObject)d.DeepClone() : [];
        var origin = new JsonObject { ["type"] = entityType, ["id"] = entityId, ["name"] = name };
        if (subtype is not null)
        {
            origin["subtype"] = subtype;
        }

        origin["label"] = label;
        data["origin"] = origin;
        data["author"] = author;
        var at2 = Text(body["timestamp"]) is { } ts && DateTimeOffset.TryParse(ts, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : ctx.Now;
        var tags = body["tags"] is JsonArray tagList ? tagList.Select(Text).OfType<string>().ToList() : [];
        ctx.Project.Activities[id] = new ActivityRecord(id, type, text, tags, data, entityType, entityId, author, at2, at2);
        ctx.Events.Add(new PendingEvent("activity.created", $"Created {type} activity", Summary(id, type, entityType, entityId, text), new JsonObject { ["body"] = text }));
        if (byPerson)
        {
            EnsureWatching(ctx, entityType, entityId, author, origin);
        }

        return id;
    }

    /// <summary>
    /// <c>ensure_watching</c>: a person who comments watches the entity from then on, recorded as a <c>watch</c> activity
    /// (<c>data.watcher</c>) with its own <c>activity.created</c> event, once per person and entity.
    /// </summary>
    private static void EnsureWatching(WriteContext ctx, string entityType, string entityId, string user, JsonObject origin)
    {
        if (ctx.Project.Activities.Values.Any(a => a.ActivityType == "watch" && a.EntityId == entityId && a.Data["watcher"]?.GetValue<string>() == user))
        {
            return;
        }

        var id = NamingRules.NewId();
        var data = new JsonObject { ["watcher"] = user, ["origin"] = origin.DeepClone(), ["author"] = user };
        ctx.Project.Activities[id] = new ActivityRecord(id, "watch", "", [], data, entityType, entityId, user, ctx.Now, ctx.Now);
        ctx.Events.Add(new PendingEvent("activity.created", "Created watch activity", Summary(id, "watch", entityType, entityId, ""), new JsonObject { ["body"] = "" }));
    }

    public static void Update(WriteContext ctx, string id, JsonObject body)
    {
        ctx.ThrowIfWritesRejected();
        var current = ctx.Project.Activities.GetValueOrDefault(id) ?? throw AyonProblem.NotFound("Activity not found");
        var text = Text(body["body"]) ?? current.Body;
        CheckLength(current.ActivityType, text);
        var data = (JsonObject)current.Data.DeepClone();
        if (body["data"] is JsonObject patch)
        {
            foreach (var (key, value) in patch.Where(p => p.Key != "author").ToList())
            {
                data[key] = value?.DeepClone();
            }
        }

        var tags = body["tags"] is JsonArray tagList ? tagList.Select(Text).OfType<string>().ToList() : current.Tags;
        ctx.Project.Activities[id] = current with { Body = text, Data = data, Tags = tags, UpdatedAt = ctx.Now };
        ctx.Events.Add(new PendingEvent("activity.updated", $"Updated {current.ActivityType} activity",
            Summary(id, current.ActivityType, current.EntityType, current.EntityId, text), new JsonObject { ["body"] = text }));
    }

    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        if (!ctx.Project.Activities.Remove(id, out var removed))
        {
            throw AyonProblem.NotFound("Activity not found");
        }

        ctx.Events.Add(new PendingEvent("activity.deleted", $"Deleted {removed.ActivityType} activity",
            Summary(id, removed.ActivityType, removed.EntityType, removed.EntityId, removed.Body), []));
    }

    private static void CheckLength(string type, string text)
    {
        if (text.Length > MaxBodyLength)
        {
            throw AyonProblem.BadRequest($"{char.ToUpperInvariant(type[0])}{type[1..]} body is too long");
        }
    }

    /// <summary>What <c>data.origin</c> says about the entity; the entity must exist (404 otherwise, as the server's entity load).</summary>
    private static (string Name, string? Label, string? Subtype) Origin(ProjectState project, string entityType, string entityId) => entityType switch
    {
        "folder" => project.GetFolder(entityId) is { } f ? (f.Name, f.Label, f.FolderType) : throw AyonProblem.NotFound("Folder not found"),
        "task" => project.GetTask(entityId) is { } t ? (t.Name, t.Label, t.TaskType) : throw AyonProblem.NotFound("Task not found"),
        "product" => project.GetProduct(entityId) is { } p ? (p.Name, null, p.ProductType) : throw AyonProblem.NotFound("Product not found"),
        "version" => project.GetVersion(entityId) is { } v ? (v.Name, (string?)null, (string?)null) : throw AyonProblem.NotFound("Version not found"),
        _ => throw AyonProblem.NotFound($"{entityType} {entityId} not found"),
    };

    /// <summary>
    /// The event summary: the origin and every mention that names an entity by id (<c>[label](activity:id)</c>,
    /// <c>(version:id)</c>, …). User mentions have no entity id and are left out, as the server leaves them out.
    /// </summary>
    private static JsonObject Summary(string id, string type, string entityType, string entityId, string body)
    {
        var references = new JsonArray(new JsonObject { ["entity_id"] = entityId, ["entity_type"] = entityType, ["reference_type"] = "origin" });
        foreach (var (mentionType, mentionId) in ActivityMentions.EntityMentions(body))
        {
            references.Add(new JsonObject { ["entity_id"] = mentionId, ["entity_type"] = mentionType, ["reference_type"] = "mention" });
        }

        return new JsonObject { ["activity_id"] = id, ["activity_type"] = type, ["references"] = references };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
