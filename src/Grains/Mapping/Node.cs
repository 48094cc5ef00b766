using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>One entity of the desired AYON tree (a ShotGrid entity or a derived asset category).</summary>
internal sealed record Node(
    string Key,
    string SgType,
    long SgId,
    string SgIdText,
    string Name,
    string Label,
    string AyonEntityType,
    string AyonFolderType,
    string? ParentKey,
    string? StepCode,
    string? Status,
    string? SkipReason,
    IReadOnlyDictionary<string, JsonNode>? Attrib = null,
    IReadOnlyList<string>? AttribNotes = null,
    string? Unreadable = null,
    IReadOnlyList<SgEntityRef>? Assignees = null,
    IReadOnlyList<string>? Tags = null)
{
    public string Describe() => SgId == 0 ? $"{SgType} '{Label}'" : $"{SgType} {SgId} '{Label}'";

    public static Node FromItem(SgItem item)
    {
        var isTask = item.Type == SyncEntityTypes.Task;
        string? parentKey;
        string? skip = null;
        if (isTask)
        {
            parentKey = item.Parent is { } p && SyncEntityTypes.IsFolderEntity(p.Type) ? NodeKeys.Of(p.Type, p.Id) : null;
            if (parentKey is null)
            {
                skip = item.Parent is null
                    ? "the task is not linked to an entity"
                    : $"the task is linked to a {item.Parent.Type}, which has no AYON folder";
            }
        }
        else if (item.Type == SyncEntityTypes.Asset)
        {
            parentKey = string.IsNullOrWhiteSpace(item.AssetType) ? null : NodeKeys.AssetCategory(item.AssetType);
        }
        else
        {
            parentKey = item.Parent is { } p ? NodeKeys.Of(p.Type, p.Id) : null;
        }

        return new Node(
            item.Key,
            item.Type,
            item.Id,
            item.Id.ToString(CultureInfo.InvariantCulture),
            isTask ? AyonNames.TaskName(item.Code, item.Type, item.Id) : AyonNames.EntityName(item.Code, item.Type, item.Id),
            string.IsNullOrWhiteSpace(item.Code) ? $"{item.Type} {item.Id}" : item.Code,
            isTask ? "task" : "folder",
            isTask ? "" : item.Type,
            parentKey,
            item.StepCode,
            item.Status,
            skip,
            item.Attrib,
            item.AttribNotes,
            item.Problem,
            isTask ? item.Assignees : null,
            item.Tags);
    }

    public static Node Category(string assetType)
    {
        var id = NodeKeys.CategoryId(assetType);
        return new Node(NodeKeys.AssetCategory(assetType), SyncEntityTypes.AssetCategory, 0, id, id, assetType, "folder", SyncEntityTypes.AssetCategory, null, null, null, null);
    }

    /// <summary>The grouping folder of a preset role: named and typed as the preset says, linked by the role.</summary>
    public static Node Group(HierarchyPreset preset, string role)
    {
        var name = preset.FolderOf(role);
        return new Node(NodeKeys.Group(role), SyncEntityTypes.HierarchyGroup, 0, role, name, name, "folder", preset.GroupFolderType, null, null, null, null);
    }
}
