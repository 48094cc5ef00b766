using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Create, update and delete of folders with the integrity rules of AYON's project schema.</summary>
internal static class FolderWriter
{
    private const string PostModel = "FolderPostModel";
    private const string PatchModel = "FolderPatchModel";

    public static string Create(WriteContext ctx, JsonObject data, string? entityId)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var id = EntityFieldRules.ResolveNewId(data, entityId, PostModel, i => project.GetFolder(i) is not null, "Folder");
        var name = EntityFieldRules.RequireName(data, PostModel);
        var label = EntityFieldRules.CheckLabel(JsonFields.GetString(data, "label", PostModel), PostModel);
        if (ctx.Faults.IsRejectedFolderName(name))
        {
            throw AyonProblem.BadRequest($"Folder name '{name}' rejected (emulator fault)");
        }

        var folderType = JsonFields.GetString(data, "folderType", PostModel)
            ?? ProjectState.Names(project.FolderTypes).FirstOrDefault() ?? "Folder";
        var parentId = JsonFields.GetString(data, "parentId", PostModel);
        var status = JsonFields.GetString(data, "status", PostModel) ?? project.DefaultStatus("folder") ?? "";
        var active = JsonFields.GetBool(data, "active", PostModel) ?? true;
        var folder = new FolderRecord(
            id, name, label, folderType, parentId, JsonFields.GetString(data, "thumbnailId", PostModel), status,
            JsonFields.GetStringList(data, "tags", PostModel) ?? [],
            EntityFieldRules.WithoutNulls(EntityFieldRules.WritableAttrib(ctx, data, "folder", PostModel)),
            EntityFieldRules.WithoutNulls(JsonFields.GetObject(data, "data", PostModel) ?? []),
            active, project.NextSequence(), ctx.Now, ctx.Now);
        CheckIntegrity(project, folder);
        project.PutFolder(folder);
        ctx.Events.Add(new PendingEvent(
            "entity.folder.created", $"Folder {name} created", EntityFieldRules.Summary(id, parentId), []));
        return id;
    }

    /// <param name="force">The operations endpoint's per-operation flag; the REST PATCH has none.</param>
    public static void Update(WriteContext ctx, string id, JsonObject data, bool force = false)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var old = project.GetFolder(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var updated = old with
        {
            Name = JsonFields.Has(data, "name") ? EntityFieldRules.RequireName(data, PatchModel) : old.Name,
            Label = JsonFields.Has(data, "label")
                ? EntityFieldRules.CheckLabel(JsonFields.GetString(data, "label", PatchModel), PatchModel) : old.Label,
            FolderType = JsonFields.GetString(data, "folderType", PatchModel) ?? old.FolderType,
            ParentId = JsonFields.Has(data, "parentId") ? JsonFields.GetString(data, "parentId", PatchModel) : old.ParentId,
            ThumbnailId = JsonFields.Has(data, "thumbnailId") ? JsonFields.GetString(data, "thumbnailId", PatchModel) : old.ThumbnailId,
            Status = JsonFields.GetString(data, "status", PatchModel) ?? old.Status,
            Tags = JsonFields.GetStringList(data, "tags", PatchModel) ?? old.Tags,
            Active = JsonFields.GetBool(data, "active", PatchModel) ?? old.Active,
            Attrib = JsonFields.MergeOneLevel(old.Attrib, EntityFieldRules.WritableAttrib(ctx, data, "folder", PatchModel)),
            Data = JsonFields.MergeOneLevel(old.Data, JsonFields.GetObject(data, "data", PatchModel) ?? []),
            UpdatedAt = ctx.Now,
        };
        if (updated.ParentId == id)
        {
            throw AyonProblem.BadRequest("Folder cannot be its own parent");
        }

        if (updated.ParentId is not null && project.Ancestors(updated.ParentId).Any(a => a.Id == id))
        {
            throw AyonProblem.BadRequest("Cannot move folder under its own descendant");
        }

        if (!force)
        {
            RefuseMovingPublished(project, old, updated);
        }

        CheckIntegrity(project, updated);
        project.PutFolder(updated);
        EmitChanges(ctx, old, updated);
    }

    /// <summary>Deletes the folder with its subfolders and tasks (the DB cascades).</summary>
    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var folder = project.GetFolder(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var path = project.FolderPath(id);
        if (HasProducts(project, id))
        {
            // Products have no cascade in AYON's schema (reference §3): the server refuses rather than orphaning them.
            throw new AyonProblem(409, "Unable to delete a folder with products or tasks.", "delete-folder-with-children");
        }

        var row = EntityJson.Deleted(EntityJson.Folder(project, ctx.Attributes, folder), folder.Attrib);
        DeleteSubtree(project, id);
        ctx.Events.Add(new PendingEvent(
            "entity.folder.deleted", $"Folder {path} deleted", EntityFieldRules.Summary(id, folder.ParentId, path), new JsonObject { ["entityData"] = row }));
    }

    /// <summary>
    /// AYON 1.15.18 (entity_update.py sanitize_folder_update, measured): once the folder or any folder below it has versions,
    /// changing its name, folder type or parent is 403 unless the operation says <c>force</c>.
    /// </summary>
    private static void RefuseMovingPublished(ProjectState project, FolderRecord old, FolderRecord updated)
    {
        var changed = old.Name != updated.Name ? "name" : old.FolderType != updated.FolderType ? "folder_type" : old.ParentId != updated.ParentId ? "parent_id" : null;
        if (changed is not null && HasVersions(project, old.Id))
        {
            throw AyonProblem.Forbidden($"Cannot change {changed} of a folder with published versions");
        }
    }

    private static bool HasVersions(ProjectState project, string id) =>
        project.ProductsOf(id).Any(p => project.VersionsOf(p.Id).Any()) || project.ChildFolders(id).Any(child => HasVersions(project, child.Id));

    private static bool HasProducts(ProjectState project, string id) =>
        project.ProductsOf(id).Any() || project.ChildFolders(id).Any(child => HasProducts(project, child.Id));

    private static void DeleteSubtree(ProjectState project, string id)
    {
        foreach (var child in project.ChildFolders(id).ToList())
        {
            DeleteSubtree(project, child.Id);
        }

        foreach (var task in project.TasksOf(id).ToList())
        {
            project.RemoveTask(task.Id);
        }

        project.RemoveFolder(id);
    }

    private static void CheckIntegrity(ProjectState project, FolderRecord folder)
    {
        if (!project.HasFolderType(folder.FolderType))
        {
            throw AyonProblem.ForeignKey($"folder_type '{folder.FolderType}' is not present in table \"folder_types\".");
        }

        if (folder.ParentId is not null && project.GetFolder(folder.ParentId) is null)
        {
            throw AyonProblem.ForeignKey($"parent_id '{NamingRules.Dashed(folder.ParentId)}' is not present in table \"folders\".");
        }

        EntityFieldRules.CheckStatus(project, folder.Status);
        if (!folder.Active)
        {
            return;
        }

        var clash = project.ChildFolders(folder.ParentId).Any(s =>
            s.Active && s.Id != folder.Id && string.Equals(s.Name, folder.Name, StringComparison.OrdinalIgnoreCase));
        if (clash)
        {
            var lower = folder.Name.ToLowerInvariant();
            throw AyonProblem.Unique(folder.ParentId is null
                ? $"Folder with lower(name::text) '{lower}' already exists."
                : $"Folder with parent_id, lower(name::text) '{NamingRules.Dashed(folder.ParentId)}, {lower}' already exists.");
        }
    }

    private static void EmitChanges(WriteContext ctx, FolderRecord old, FolderRecord updated)
    {
        var path = ctx.Project.FolderPath(updated.Id);
        var summary = EntityFieldRules.Summary(updated.Id, updated.ParentId, path);
        void Emit(string change, string description, JsonNode? from, JsonNode? to) =>
            ctx.Events.Add(new PendingEvent($"entity.folder.{change}", description, (JsonObject)summary.DeepClone(),
                EntityFieldRules.Change(from, to)));

        if (old.Name != updated.Name)
        {
            Emit("renamed", $"Folder {old.Name} renamed to {updated.Name}", old.Name, updated.Name);
        }

        if (old.Label != updated.Label)
        {
            Emit("label_changed", $"Changed folder {path} label", old.Label, updated.Label);
        }

        if (old.Status != updated.Status)
        {
            Emit("status_changed", $"Changed folder {path} status to {updated.Status}", old.Status, updated.Status);
        }

        if (old.FolderType != updated.FolderType)
        {
            Emit("type_changed", $"Changed folder {path} type to {updated.FolderType}", old.FolderType, updated.FolderType);
        }

        if (old.ParentId != updated.ParentId)
        {
            Emit("parent_changed", $"Moved folder {path}", old.ParentId, updated.ParentId);
        }

        if (old.Active != updated.Active)
        {
            Emit("active_changed", $"Changed folder {path} active state", old.Active, updated.Active);
        }

        if (!old.Tags.SequenceEqual(updated.Tags))
        {
            Emit("tags_changed", $"Changed folder {path} tags", EntityFieldRules.ToArray(old.Tags), EntityFieldRules.ToArray(updated.Tags));
        }

        if (!JsonNode.DeepEquals(old.Attrib, updated.Attrib))
        {
            Emit("attrib_changed", $"Changed folder {path} attributes", old.Attrib, updated.Attrib);
        }

        if (!JsonNode.DeepEquals(old.Data, updated.Data))
        {
            Emit("data_changed", $"Changed folder {path} data", old.Data, updated.Data);
        }
    }
}
