using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>REST shapes of folders and tasks (camelCase, nulls left out as the server's response models do).</summary>
internal static class EntityJson
{
    public static JsonObject Folder(ProjectState project, AttributeRegistry attributes, FolderRecord f)
    {
        var json = new JsonObject
        {
            ["id"] = f.Id,
            ["name"] = f.Name,
            ["label"] = f.Label,
            ["folderType"] = f.FolderType,
            ["parentId"] = f.ParentId,
            ["thumbnailId"] = f.ThumbnailId,
            ["path"] = "/" + project.FolderPath(f.Id),
            ["hasVersions"] = false,
            ["attrib"] = AttribResolver.Resolve(project, attributes, "folder", f.Attrib, f.ParentId),
            ["data"] = f.Data.DeepClone(),
            ["active"] = f.Active,
            ["ownAttrib"] = EntityFieldRules.ToArray(f.Attrib.Select(p => p.Key)),
            ["status"] = f.Status,
            ["tags"] = EntityFieldRules.ToArray(f.Tags),
            ["createdBy"] = "service",
            ["updatedBy"] = "service",
            ["createdAt"] = IsoTime.Format(f.CreatedAt),
            ["updatedAt"] = IsoTime.Format(f.UpdatedAt),
        };
        return EntityFieldRules.WithoutNulls(json);
    }

    public static JsonObject Task(ProjectState project, AttributeRegistry attributes, TaskRecord t)
    {
        var json = new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["label"] = t.Label,
            ["taskType"] = t.TaskType,
            ["thumbnailId"] = t.ThumbnailId,
            ["assignees"] = EntityFieldRules.ToArray(t.Assignees),
            ["folderId"] = t.FolderId,
            ["path"] = $"/{project.FolderPath(t.FolderId)}/{t.Name}",
            ["attrib"] = AttribResolver.Resolve(project, attributes, "task", t.Attrib, t.FolderId),
            ["data"] = t.Data.DeepClone(),
            ["active"] = t.Active,
            ["ownAttrib"] = EntityFieldRules.ToArray(t.Attrib.Select(p => p.Key)),
            ["status"] = t.Status,
            ["tags"] = EntityFieldRules.ToArray(t.Tags),
            ["createdAt"] = IsoTime.Format(t.CreatedAt),
            ["updatedAt"] = IsoTime.Format(t.UpdatedAt),
        };
        return EntityFieldRules.WithoutNulls(json);
    }

    /// <summary>
    /// The deleted row an <c>entity.*.deleted</c> event carries as <c>payload.entityData</c> (the server's audit trail, on by
    /// default: <c>dict_simple</c>): the REST shape with only the entity's own attributes and no <c>ownAttrib</c> list.
    /// </summary>
    public static JsonObject Deleted(JsonObject rest, JsonObject ownAttrib)
    {
        rest["attrib"] = ownAttrib.DeepClone();
        rest.Remove("ownAttrib");
        return rest;
    }

    /// <summary>An item of the flat folder list: path without a leading slash, no data and no active flag (inactive ones included).</summary>
    public static JsonObject FolderListItem(ProjectState project, AttributeRegistry attributes, FolderRecord f, bool withAttrib)
    {
        var names = project.PathNames(f.Id);
        var tasks = project.TasksOf(f.Id).OrderBy(t => t.Sequence).Select(t => t.Name).ToList();
        var item = new JsonObject
        {
            ["id"] = f.Id,
            ["path"] = string.Join('/', names),
            ["parentId"] = f.ParentId,
            ["parents"] = EntityFieldRules.ToArray(names.Take(names.Count - 1)),
            ["name"] = f.Name,
            ["label"] = f.Label,
            ["folderType"] = f.FolderType,
            ["hasTasks"] = tasks.Count > 0,
            ["hasChildren"] = project.ChildFolders(f.Id).Any(),
            ["taskNames"] = EntityFieldRules.ToArray(tasks),
            ["status"] = f.Status,
            ["tags"] = EntityFieldRules.ToArray(f.Tags),
            ["hasReviewables"] = false,
            ["hasVersions"] = false,
            ["thumbnailHash"] = null,
            ["createdAt"] = IsoTime.Format(f.CreatedAt),
            ["updatedAt"] = IsoTime.Format(f.UpdatedAt),
        };
        if (withAttrib)
        {
            item["attrib"] = AttribResolver.Resolve(project, attributes, "folder", f.Attrib, f.ParentId);
            item["ownAttrib"] = EntityFieldRules.ToArray(f.Attrib.Select(p => p.Key));
        }

        return item;
    }
}
