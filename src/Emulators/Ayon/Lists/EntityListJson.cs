using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Entity lists in the server's shapes: the REST model (camelCase) and the event summary (snake_case keys, sorted).</summary>
internal static class EntityListJson
{
    public static JsonObject Summary(EntityListRecord list, bool snake, bool withFolder = false)
    {
        if (!snake)
        {
            return new JsonObject
            {
                ["id"] = list.Id, ["entityListType"] = list.EntityListType, ["entityType"] = list.EntityType,
                ["label"] = list.Label, ["count"] = list.Items.Count,
            };
        }

        var summary = new JsonObject { ["count"] = list.Items.Count };
        if (withFolder)
        {
            summary["entity_list_folder_id"] = null;
        }

        summary["entity_list_type"] = list.EntityListType;
        summary["entity_type"] = list.EntityType;
        summary["id"] = list.Id;
        summary["label"] = list.Label;
        return summary;
    }

    public static JsonObject Model(EntityListRecord list, bool metadataOnly) => new()
    {
        ["id"] = list.Id,
        ["entityListType"] = list.EntityListType,
        ["entityListFolderId"] = null,
        ["entityType"] = list.EntityType,
        ["label"] = list.Label,
        ["access"] = new JsonObject(),
        ["attrib"] = list.Attrib.DeepClone(),
        ["data"] = list.Data.DeepClone(),
        ["template"] = new JsonObject(),
        ["tags"] = new JsonArray(list.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["items"] = metadataOnly ? new JsonArray() : new JsonArray(list.Items.Select((item, i) => (JsonNode?)Item(item, i, list)).ToArray()),
        ["owner"] = list.Owner,
        ["createdBy"] = list.CreatedBy,
        ["updatedBy"] = list.UpdatedBy,
        ["createdAt"] = IsoTime.Format(list.CreatedAt),
        ["updatedAt"] = IsoTime.Format(list.UpdatedAt),
        ["active"] = list.Active,
        ["accessLevel"] = 30,
    };

    private static JsonObject Item(EntityListItemRecord item, int position, EntityListRecord list) => new()
    {
        ["id"] = item.Id,
        ["entityId"] = item.EntityId,
        ["position"] = position,
        ["label"] = item.Label,
        ["attrib"] = item.Attrib.DeepClone(),
        ["data"] = item.Data.DeepClone(),
        ["tags"] = new JsonArray(item.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["folderPath"] = item.FolderPath,
        ["createdBy"] = item.CreatedBy,
        ["updatedBy"] = list.UpdatedBy,
        ["createdAt"] = IsoTime.Format(item.CreatedAt),
        ["updatedAt"] = IsoTime.Format(list.UpdatedAt),
    };
}
