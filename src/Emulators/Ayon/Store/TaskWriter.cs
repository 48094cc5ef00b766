using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Create, update and delete of tasks with the integrity rules of AYON's project schema.</summary>
internal static class TaskWriter
{
    private const string PostModel = "TaskPostModel";
    private const string PatchModel = "TaskPatchModel";

    public static string Create(WriteContext ctx, JsonObject data, string? entityId)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var id = EntityFieldRules.ResolveNewId(data, entityId, PostModel, i => project.GetTask(i) is not null, "Task");
        var name = EntityFieldRules.RequireName(data, PostModel);
        var label = EntityFieldRules.CheckLabel(JsonFields.GetString(data, "label", PostModel), PostModel);
        var taskType = JsonFields.GetString(data, "taskType", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "taskType", "field required", "value_error.missing");
        var folderId = JsonFields.GetString(data, "folderId", PostModel)
            ?? throw new AyonProblem(400, "Missing required field: folder_id", "not-null-violation");
        var task = new TaskRecord(
            id, name, label, taskType, folderId, JsonFields.GetString(data, "thumbnailId", PostModel),
            JsonFields.GetString(data, "status", PostModel) ?? project.DefaultStatus("task") ?? "",
            JsonFields.GetStringList(data, "tags", PostModel) ?? [],
            JsonFields.GetStringList(data, "assignees", PostModel) ?? [],
            EntityFieldRules.WithoutNulls(EntityFieldRules.WritableAttrib(ctx, data, "task", PostModel)),
            EntityFieldRules.WithoutNulls(JsonFields.GetObject(data, "data", PostModel) ?? []),
            JsonFields.GetBool(data, "active", PostModel) ?? true, project.NextSequence(), ctx.Now, ctx.Now);
        CheckIntegrity(project, task);
        project.PutTask(task);
        ctx.Events.Add(new PendingEvent(
            "entity.task.created", $"Task {name} created", EntityFieldRules.Summary(id, folderId), []));
        return id;
    }

    public static void Update(WriteContext ctx, string id, JsonObject data)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var old = project.GetTask(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var updated = old with
        {
            Name = JsonFields.Has(data, "name") ? EntityFieldRules.RequireName(data, PatchModel) : old.Name,
            Label = JsonFields.Has(data, "label")
                ? EntityFieldRules.CheckLabel(JsonFields.GetString(data, "label", PatchModel), PatchModel) : old.Label,
            TaskType = JsonFields.GetString(data, "taskType", PatchModel) ?? old.TaskType,
            FolderId = JsonFields.GetString(data, "folderId", PatchModel) ?? old.FolderId,
            ThumbnailId = JsonFields.Has(data, "thumbnailId") ? JsonFields.GetString(data, "thumbnailId", PatchModel) : old.ThumbnailId,
            Status = JsonFields.GetString(data, "status", PatchModel) ?? old.Status,
            Tags = JsonFields.GetStringList(data, "tags", PatchModel) ?? old.Tags,
            Assignees = JsonFields.GetStringList(data, "assignees", PatchModel) ?? old.Assignees,
            Active = JsonFields.GetBool(data, "active", PatchModel) ?? old.Active,
            Attrib = JsonFields.MergeOneLevel(old.Attrib, EntityFieldRules.WritableAttrib(ctx, data, "task", PatchModel)),
            Data = JsonFields.MergeOneLevel(old.Data, JsonFields.GetObject(data, "data", PatchModel) ?? []),
            UpdatedAt = ctx.Now,
        };
        CheckIntegrity(project, updated);
        project.PutTask(updated);
        EmitChanges(ctx, old, updated);
    }

    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        var task = ctx.Project.GetTask(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var row = EntityJson.Deleted(EntityJson.Task(ctx.Project, ctx.Attributes, task), task.Attrib);
        ctx.Project.RemoveTask(id);
        ctx.Events.Add(new PendingEvent(
            "entity.task.deleted", $"Task {task.Name} deleted", EntityFieldRules.Summary(id, task.FolderId), new JsonObject { ["entityData"] = row }));
    }

    private static void CheckIntegrity(ProjectState project, TaskRecord task)
    {
        if (!project.HasTaskType(task.TaskType))
        {
            throw AyonProblem.ForeignKey($"task_type '{task.TaskType}' is not present in table \"task_types\".");
        }

        if (project.GetFolder(task.FolderId) is null)
        {
            throw AyonProblem.ForeignKey($"folder_id '{NamingRules.Dashed(task.FolderId)}' is not present in table \"folders\".");
        }

        EntityFieldRules.CheckStatus(project, task.Status);
        var clash = task.Active && project.TasksOf(task.FolderId).Any(s =>
            s.Active && s.Id != task.Id && string.Equals(s.Name, task.Name, StringComparison.OrdinalIgnoreCase));
        if (clash)
        {
            throw AyonProblem.Unique(
                $"Task with folder_id, lower(name::text) '{NamingRules.Dashed(task.FolderId)}, {task.Name.ToLowerInvariant()}' already exists.");
        }
    }

    private static void EmitChanges(WriteContext ctx, TaskRecord old, TaskRecord updated)
    {
        var path = $"{ctx.Project.FolderPath(updated.FolderId)}/{updated.Name}";
        var summary = EntityFieldRules.Summary(updated.Id, updated.FolderId, path);
        void Emit(string change, string description, JsonNode? from, JsonNode? to) =>
            ctx.Events.Add(new PendingEvent($"entity.task.{change}", description, (JsonObject)summary.DeepClone(),
                EntityFieldRules.Change(from, to)));

        if (old.Name != updated.Name)
        {
            Emit("renamed", $"Task {old.Name} renamed to {updated.Name}", old.Name, updated.Name);
        }

        if (old.Label != updated.Label)
        {
            Emit("label_changed", $"Changed task {path} label", old.Label, updated.Label);
        }

        if (old.Status != updated.Status)
        {
            Emit("status_changed", $"Changed task {path} status to {updated.Status}", old.Status, updated.Status);
        }

        if (old.TaskType != updated.TaskType)
        {
            Emit("type_changed", $"Changed task {path} type to {updated.TaskType}", old.TaskType, updated.TaskType);
        }

        if (old.FolderId != updated.FolderId)
        {
            Emit("folder_changed", $"Moved task {path}", old.FolderId, updated.FolderId);
        }

        if (old.Active != updated.Active)
        {
            Emit("active_changed", $"Changed task {path} active state", old.Active, updated.Active);
        }

        if (!old.Assignees.SequenceEqual(updated.Assignees))
        {
            Emit("assignees_changed", $"Changed task {path} assignees",
                EntityFieldRules.ToArray(old.Assignees), EntityFieldRules.ToArray(updated.Assignees));
        }

        if (!old.Tags.SequenceEqual(updated.Tags))
        {
            Emit("tags_changed", $"Changed task {path} tags", EntityFieldRules.ToArray(old.Tags), EntityFieldRules.ToArray(updated.Tags));
        }

        if (!JsonNode.DeepEquals(old.Attrib, updated.Attrib))
        {
            Emit("attrib_changed", $"Changed task {path} attributes", old.Attrib, updated.Attrib);
        }

        if (!JsonNode.DeepEquals(old.Data, updated.Data))
        {
            Emit("data_changed", $"Changed task {path} data", old.Data, updated.Data);
        }
    }
}
