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
    }, p);

    public static JsonObject Version(ProjectState project, VersionRecord v) => Common(new JsonObject
    {
        ["id"] = v.Id,
        ["version"] = v.Version,
        ["productId"] = v.ProductId,
        ["taskId"] = v.TaskId,
        ["author"] = v.Author,
        ["path"] = project.VersionPath(v),
    }, v);

    public static JsonObject Representation(ProjectState project, RepresentationRecord r) => Common(new JsonObject
    {
        ["id"] = r.Id,
        ["name"] = r.Name,
        ["versionId"] = r.VersionId,
        ["files"] = r.Files.DeepClone(),
        ["path"] = project.GetVersion(r.VersionId) is { } v ? $"{project.VersionPath(v)}/{r.Name}" : $"/{r.Name}",
    }, r);

    /// <summary>Adds the fields the three share to <paramref name="json"/>, the entity's own fields.</summary>
    private static JsonObject Common(JsonObject json, IPublishRecord record)
    {
        json["attrib"] = record.Attrib.DeepClone();
        json["data"] = record.Data.DeepClone();
        json["active"] = record.Active;
        json["ownAttrib"] = EntityFieldRules.ToArray(record.Attrib.Select(p => p.Key).Order(StringComparer.Ordinal));
        json["status"] = record.Status;
        json["tags"] = EntityFieldRules.ToArray(record.Tags);
        json["createdBy"] = "service";
        json["updatedBy"] = "service";
        json["createdAt"] = IsoTime.Format(record.CreatedAt);
        json["updatedAt"] = IsoTime.Format(record.UpdatedAt);
        return EntityFieldRules.WithoutNulls(json);
    }
}
