using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// REST shapes of products, versions and representations (nulls left out). Their attributes do not inherit from the
/// folder (measured: a version without own frame range shows <c>attrib: {}</c> under a folder that has one).
/// </summary>
internal static class PublishJson
{
    public static JsonObject Product(ProjectState project, ProductRecord p) => Common(new JsonObject
    {
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["folderId"] = p.FolderId,
        ["productType"] = p.ProductType,
        ["productBaseType"] = p.ProductType,
        ["path"] = project.ProductPath(p),
    }, p.Attrib, p.Data, p.Active, p.Status, p.Tags, p.CreatedAt, p.UpdatedAt);

    public static JsonObject Version(ProjectState project, VersionRecord v) => Common(new JsonObject
    {
        ["id"] = v.Id,
        ["version"] = v.Version,
        ["productId"] = v.ProductId,
        ["taskId"] = v.TaskId,
        ["author"] = v.Author,
        ["path"] = project.VersionPath(v),
    }, v.Attrib, v.Data, v.Active, v.Status, v.Tags, v.CreatedAt, v.UpdatedAt);

    public static JsonObject Representation(ProjectState project, RepresentationRecord r) => Common(new JsonObject
    {
        ["id"] = r.Id,
        ["name"] = r.Name,
        ["versionId"] = r.VersionId,
        ["files"] = r.Files.DeepClone(),
        ["path"] = project.GetVersion(r.VersionId) is { } v ? $"{project.VersionPath(v)}/{r.Name}" : $"/{r.Name}",
    }, r.Attrib, r.Data, r.Active, r.Status, r.Tags, r.CreatedAt, r.UpdatedAt);

    private static JsonObject Common(
        JsonObject json, JsonObject attrib, JsonObject data, bool active, string status, IReadOnlyList<string> tags,
        DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        json["attrib"] = attrib.DeepClone();
        json["data"] = data.DeepClone();
        json["active"] = active;
        json["ownAttrib"] = EntityFieldRules.ToArray(attrib.Select(p => p.Key).Order(StringComparer.Ordinal));
        json["status"] = status;
        json["tags"] = EntityFieldRules.ToArray(tags);
        json["createdBy"] = "service";
        json["updatedBy"] = "service";
        json["createdAt"] = IsoTime.Format(createdAt);
        json["updatedAt"] = IsoTime.Format(updatedAt);
        return EntityFieldRules.WithoutNulls(json);
    }
}
