namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Test access to what publishes wrote.</summary>
public sealed partial class AyonStore
{
    /// <summary>The project's versions in creation order, each with its product and representations.</summary>
    public IReadOnlyList<EmuVersion> Versions(string project) => Locked(() =>
    {
        if (!_projects.TryGetValue(project, out var p))
        {
            return (IReadOnlyList<EmuVersion>)[];
        }

        return p.Versions.OrderBy(v => v.Sequence).Select(v =>
        {
            var product = p.GetProduct(v.ProductId);
            var representations = p.RepresentationsOf(v.Id).OrderBy(r => r.Sequence)
                .Select(r => new EmuRepresentation(r.Id, r.Name, r.Files.Select(f => f?["path"]?.GetValue<string>() ?? "").ToList()))
                .ToList();
            return new EmuVersion(
                v.Id, v.Version, v.Name, v.ProductId, product?.Name ?? "", product?.FolderId ?? "", v.TaskId, v.Author, v.Status,
                JsonFields.ToClrMap(v.Attrib), representations);
        }).ToList();
    });
}
