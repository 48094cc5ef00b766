namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The product, version and representation tables of a project (what a publish writes).</summary>
internal sealed partial class ProjectState
{
    private readonly Dictionary<string, ProductRecord> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VersionRecord> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RepresentationRecord> _representations = new(StringComparer.Ordinal);

    public IEnumerable<ProductRecord> Products => _products.Values;
    public IEnumerable<VersionRecord> Versions => _versions.Values;
    public IEnumerable<RepresentationRecord> Representations => _representations.Values;

    public ProductRecord? GetProduct(string id) => _products.GetValueOrDefault(id);
    public VersionRecord? GetVersion(string id) => _versions.GetValueOrDefault(id);
    public RepresentationRecord? GetRepresentation(string id) => _representations.GetValueOrDefault(id);

    public IEnumerable<ProductRecord> ProductsOf(string folderId) => _products.Values.Where(p => p.FolderId == folderId);
    public IEnumerable<VersionRecord> VersionsOf(string productId) => _versions.Values.Where(v => v.ProductId == productId);
    public IEnumerable<RepresentationRecord> RepresentationsOf(string versionId) => _representations.Values.Where(r => r.VersionId == versionId);

    public void PutProduct(ProductRecord product) => Put(_products, product.Id, product, PutProduct);
    public void PutVersion(VersionRecord version) => Put(_versions, version.Id, version, PutVersion);
    public void PutRepresentation(RepresentationRecord representation) => Put(_representations, representation.Id, representation, PutRepresentation);

    public void RemoveProduct(string id) => Remove(_products, id, PutProduct);
    public void RemoveVersion(string id) => Remove(_versions, id, PutVersion);
    public void RemoveRepresentation(string id) => Remove(_representations, id, PutRepresentation);

    /// <summary>Path of a product as REST gives it: the folder path plus the product name, with a leading slash.</summary>
    public string ProductPath(ProductRecord product) => $"/{FolderPath(product.FolderId)}/{product.Name}";

    public string VersionPath(VersionRecord version) =>
        GetProduct(version.ProductId) is { } product ? $"{ProductPath(product)}/{version.Name}" : $"/{version.Name}";

    private void Put<T>(Dictionary<string, T> table, string id, T row, Action<T> put)
        where T : class
    {
        var previous = table.GetValueOrDefault(id);
        table[id] = row;
        UndoLog?.Add(previous is null ? () => table.Remove(id) : () => put(previous));
    }

    private void Remove<T>(Dictionary<string, T> table, string id, Action<T> put)
        where T : class
    {
        if (table.Remove(id, out var previous))
        {
            UndoLog?.Add(() => put(previous));
        }
    }
}
