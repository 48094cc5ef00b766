using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>The data of an AYON create operation for a node: one shape for the full sync and the leecher.</summary>
internal static class CreateData
{
    /// <param name="users">The ShotGrid → AYON user links; null leaves assignees out (unresolvable ones are reported by the caller).</param>
    public static JsonObject For(Node node, string name, string label, string? parentAyonId, StatusMap statuses, IReadOnlySet<string> taskTypes, string defaultTaskType, UserMap? users = null)
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

        if (node.Tags is { Count: > 0 } tags)
        {
            data["tags"] = Strings(tags);
        }

        if (node.AyonEntityType == "task" && users is not null && node.Assignees is { Count: > 0 } assignees
            && users.Resolve(assignees, _ => { }) is { Count: > 0 } names)
        {
            data["assignees"] = Strings(names);
        }

        return data;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    public static string TaskType(Node node, IReadOnlySet<string> taskTypes, string defaultTaskType) =>
        node.StepCode is { Length: > 0 } step && taskTypes.Contains(step) ? step : defaultTaskType;

    public static JsonObject LinkAttrib(Node node) => new()
    {
        [NodeKeys.AttribId] = node.SgIdText,
        [NodeKeys.AttribType] = node.SgType,
    };
}
