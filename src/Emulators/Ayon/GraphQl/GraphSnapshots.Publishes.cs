using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Snapshots of products, versions and representations. Callers hold the store lock.</summary>
internal static partial class GraphSnapshots
{
    public static ProductNode Product(ProjectState p, ProductRecord r) => new(
        p.Name, r.Id, r.Name, r.ProductType, r.FolderId, r.Status, r.Tags, r.Active, SortedJson(r.Attrib), DataString(r.Data),
        p.VersionsOf(r.Id).OrderBy(v => v.Version).Select(v => new VersionListItem(v.Id, v.Version, v.Name)).ToList(),
        IsoTime.Format(r.CreatedAt), IsoTime.Format(r.UpdatedAt));

    public static VersionNode Version(ProjectState p, VersionRecord r) => new(
        p.Name, r.Id, r.Name, r.Version, r.ProductId, r.TaskId, r.Author, r.Status, r.Tags, r.Active, SortedJson(r.Attrib),
        DataString(r.Data), IsoTime.Format(r.CreatedAt), IsoTime.Format(r.UpdatedAt));

    public static RepresentationNode Representation(ProjectState p, RepresentationRecord r) => new(
        p.Name, r.Id, r.Name, r.VersionId, r.Files.OfType<JsonObject>().Select(File).ToList(), r.Status, r.Tags, r.Active,
        SortedJson(r.Attrib), DataString(r.Data), IsoTime.Format(r.CreatedAt), IsoTime.Format(r.UpdatedAt));

    private static FileNode File(JsonObject f) => new(
        f["id"]?.GetValue<string>() ?? "", f["path"]?.GetValue<string>() ?? "", f["size"]?.ToJsonString() ?? "0",
        f["hash"]?.GetValue<string>(), f["hashType"]?.GetValue<string>() ?? "md5");
}
