using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Sync;

/// <summary>The data of an AYON create operation for a node: one shape for the full sync and the leecher.</summary>
internal static class CreateData
{
    public static JsonObject For(Node node, string name, string label, string? parentAyonId, StatusMap statuses, IReadOnlySet<string> taskTypes, string defaultTaskType)
    {
        var attrib = LinkAttrib(node);
        foreach (var (attribute, value) in node.Attrib ?? new Dictionary<string, JsonNode>())
        {
            attrib[attribute] = value.DeepClone();
        }

        var data = new JsonObject
        {
            ["name"] = name,
            ["label"] = label,
            ["attrib"] = attrib,
        };
        if (node.AyonEntityType == "task")
        {
            data["taskType"] = TaskType(node, taskTypes, defaultTaskType);
            data["folderId"] = parentAyonId;
        }
        else
        {
            data["folderType"] = node.AyonFolderType;
            data["parentId"] = parentAyonId;
        }

        if (statuses.For(node.Status, node.AyonEntityType) is { } status)
        {
            data["status"] = status;
        }

        return data;
    }

    public static string TaskType(Node node, IReadOnlySet<string> taskTypes, string defaultTaskType) =>
        node.StepCode is { Length: > 0 } step && taskTypes.Contains(step) ? step : defaultTaskType;

    public static JsonObject LinkAttrib(Node node) => new()
    {
        [NodeKeys.AttribId] = node.SgIdText,
        [NodeKeys.AttribType] = node.SgType,
    };
}
