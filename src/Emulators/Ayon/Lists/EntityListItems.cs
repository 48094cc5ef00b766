using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Building list items as the server does: each listed entity must exist (its parent folder path is stored with the
/// item; a missing one is 404 "Version &lt;id&gt; not found"), duplicates are allowed, positions are the list order.
/// </summary>
internal static class EntityListItems
{
    private const string ItemModel = "EntityListItemPostModel";

    public static EntityListItemRecord New(ProjectState project, string entityType, JsonObject body, string? user, DateTimeOffset now)
    {
        var entityId = JsonFields.GetString(body, "entityId", ItemModel)
            ?? throw AyonProblem.InvalidData(ItemModel, "entityId", "field required", "value_error.missing");
        var id = JsonFields.GetString(body, "id", ItemModel) ?? NamingRules.NewId();
        return new EntityListItemRecord(
            id, entityId, JsonFields.GetString(body, "label", ItemModel),
            JsonFields.GetObject(body, "attrib", ItemModel) ?? [], JsonFields.GetObject(body, "data", ItemModel) ?? [],
            JsonFields.GetStringList(body, "tags", ItemModel) ?? [], FolderPathOf(project, entityType, entityId), user, now);
    }

    /// <summary>Where the listed entity lives (get_entity_folder_path): the folder itself, or the folder of its task or product.</summary>
    public static string FolderPathOf(ProjectState project, string entityType, string entityId)
    {
        string? folderId = entityType switch
        {
            "folder" => project.GetFolder(entityId)?.Id,
            "task" => project.GetTask(entityId)?.FolderId,
            "product" => project.GetProduct(entityId)?.FolderId,
            "version" => EntityListVersions.FolderOf(project, entityId),
            _ => null,
        };
        return folderId is null
            ? throw AyonProblem.NotFound($"{char.ToUpperInvariant(entityType[0])}{entityType[1..]} {entityId} not found")
            : project.FolderPath(folderId);
    }

    /// <summary>Index of the item with this id, or 404 as the server words it.</summary>
    public static int IndexOf(EntityListRecord list, string itemId)
    {
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i].Id == itemId)
            {
                return i;
            }
        }

        throw AyonProblem.NotFound($"Item ID {itemId} not found in {list.Label}");
    }
}
