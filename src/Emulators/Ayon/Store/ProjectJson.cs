using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>REST shapes of projects.</summary>
internal static class ProjectJson
{
    public static JsonObject Full(ProjectState p) => EntityFieldRules.WithoutNulls(new JsonObject
    {
        ["name"] = p.Name,
        ["code"] = p.Code,
        ["label"] = p.Label,
        ["library"] = p.Library,
        ["folderTypes"] = p.FolderTypes.DeepClone(),
        ["taskTypes"] = p.TaskTypes.DeepClone(),
        ["linkTypes"] = p.LinkTypes.DeepClone(),
        ["statuses"] = p.Statuses.DeepClone(),
        ["tags"] = p.Tags.DeepClone(),
        ["config"] = p.Config.DeepClone(),
        ["attrib"] = p.Attrib.DeepClone(),
        ["data"] = p.Data.DeepClone(),
        ["active"] = p.Active,
        ["ownAttrib"] = EntityFieldRules.ToArray(p.Attrib.Select(a => a.Key)),
        ["createdAt"] = IsoTime.Format(p.CreatedAt),
        ["updatedAt"] = IsoTime.Format(p.UpdatedAt),
    });

    public static JsonObject ListItem(ProjectState p) => new()
    {
        ["name"] = p.Name,
        ["code"] = p.Code,
        ["label"] = p.Label,
        ["color"] = null,
        ["active"] = p.Active,
        ["library"] = p.Library,
        ["skeleton"] = false,
        ["pinned"] = false,
        ["projectFolder"] = null,
        ["createdAt"] = IsoTime.Format(p.CreatedAt),
        ["updatedAt"] = IsoTime.Format(p.UpdatedAt),
    };
}
