using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Create, update and delete of versions with the integrity rules and events measured on AYON 1.15.18.</summary>
internal static class VersionWriter
{
    private const string PostModel = "VersionPostModel";
    private const string PatchModel = "VersionPatchModel";

    public static string Create(WriteContext ctx, JsonObject data, string? entityId)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var id = EntityFieldRules.ResolveNewId(data, entityId, PostModel, i => project.GetVersion(i) is not null, "Version");
        var number = PublishFields.GetInt(data, "version", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "version", "field required", "value_error.missing");
        var productId = JsonFields.GetString(data, "productId", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "productId", "field required", "value_error.missing");
        // The author defaults to the calling user; any name is accepted (measured: no check that the user exists).
        var version = new VersionRecord(
            id, number, productId, JsonFields.GetString(data, "taskId", PostModel),
            JsonFields.GetString(data, "author", PostModel) ?? "service",
            PublishFields.DefaultedStatus(ctx, data, "version", PostModel),
            JsonFields.GetStringList(data, "tags", PostModel) ?? [],
            EntityFieldRules.WithoutNulls(EntityFieldRules.WritableAttrib(ctx, data, "version", PostModel)),
            EntityFieldRules.WithoutNulls(JsonFields.GetObject(data, "data", PostModel) ?? []),
            JsonFields.GetBool(data, "active", PostModel) ?? true, project.NextSequence(), ctx.Now, ctx.Now);
        CheckIntegrity(project, version);
        project.PutVersion(version);
        ctx.Events.Add(new PendingEvent(
            "entity.version.created", $"Version {version.Name} created", EntityFieldRules.Summary(id, productId), []));
        return id;
    }

    public static void Update(WriteContext ctx, string id, JsonObject data)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var old = project.GetVersion(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var updated = old with
        {
            Version = PublishFields.GetInt(data, "version", PatchModel) ?? old.Version,
            ProductId = JsonFields.GetString(data, "productId", PatchModel) ?? old.ProductId,
            TaskId = JsonFields.Has(data, "taskId") ? JsonFields.GetString(data, "taskId", PatchModel) : old.TaskId,
            Author = JsonFields.GetString(data, "author", PatchModel) ?? old.Author,
            Status = JsonFields.GetString(data, "status", PatchModel) ?? old.Status,
            Tags = JsonFields.GetStringList(data, "tags", PatchModel) ?? old.Tags,
            Active = JsonFields.GetBool(data, "active", PatchModel) ?? old.Active,
            Attrib = JsonFields.MergeOneLevel(old.Attrib, EntityFieldRules.WritableAttrib(ctx, data, "version", PatchModel)),
            Data = JsonFields.MergeOneLevel(old.Data, JsonFields.GetObject(data, "data", PatchModel) ?? []),
            UpdatedAt = ctx.Now,
        };
        CheckIntegrity(project, updated);
        project.PutVersion(updated);

        // Measured order: data, active, task, then status, tags, attributes; entityPath is the path before the change.
        var path = project.VersionPath(old);
        var events = new ChangeEvents(ctx, "version", id, updated.ProductId, path);
        events.Data(old.Data, updated.Data);
        events.Active(old.Active, updated.Active);
        if (old.TaskId != updated.TaskId)
        {
            events.Emit("task_changed", $"Changed version {path} task_id", old.TaskId, updated.TaskId);
        }

        events.Value("author_changed", "author", old.Author, updated.Author);
        events.Value("status_changed", "status", old.Status, updated.Status);
        events.Tags(old.Tags, updated.Tags);
        events.Attrib(old.Attrib, updated.Attrib);
    }

    /// <summary>Deletes a version and its representations; the event carries the deleted row as <c>payload.entityData</c> (measured).</summary>
    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        var version = ctx.Project.GetVersion(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var path = ctx.Project.VersionPath(version);
        var entityData = PublishJson.Version(ctx.Project, version);
        RemoveWithRepresentations(ctx.Project, id);
        ctx.Events.Add(new PendingEvent(
            "entity.version.deleted", $"Version {path} deleted", EntityFieldRules.Summary(id, version.ProductId),
            new JsonObject { ["entityData"] = entityData }));
    }

    public static void RemoveWithRepresentations(ProjectState project, string versionId)
    {
        foreach (var representation in project.RepresentationsOf(versionId).ToList())
        {
            project.RemoveRepresentation(representation.Id);
        }

        project.RemoveVersion(versionId);
    }

    private static void CheckIntegrity(ProjectState project, VersionRecord version)
    {
        if (project.GetProduct(version.ProductId) is null)
        {
            throw AyonProblem.ForeignKey($"product_id '{NamingRules.Dashed(version.ProductId)}' is not present in table \"products\".");
        }

        if (version.TaskId is { } taskId && project.GetTask(taskId) is null)
        {
            throw AyonProblem.ForeignKey($"task_id '{NamingRules.Dashed(taskId)}' is not present in table \"tasks\".");
        }

        EntityFieldRules.CheckStatus(project, version.Status);
        if (project.VersionsOf(version.ProductId).Any(v => v.Id != version.Id && v.Version == version.Version))
        {
            throw AyonProblem.Unique(
                $"Version with product_id, version '{NamingRules.Dashed(version.ProductId)}, {version.Version}' already exists.");
        }
    }
}
