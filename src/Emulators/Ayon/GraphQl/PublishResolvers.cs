using GraphQL;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Resolvers of the product, version and representation connections and their nested relations.</summary>
internal static class PublishResolvers
{
    public static Page<ProductNode> Products(IResolveFieldContext<ProjectNode> c)
    {
        var (ids, folderIds, names, types) = (c.StringSet("ids"), c.StringSet("folderIds"), c.StringSet("names"), c.StringSet("productTypes"));
        return Read(c, c.Source.Name, p => p.Products
            .Where(r => (ids is null || ids.Contains(r.Id)) && (folderIds is null || folderIds.Contains(r.FolderId))
                && (names is null || names.Contains(r.Name)) && (types is null || types.Contains(r.ProductType)))
            .Select(r => (r.Sequence, GraphSnapshots.Product(p, r))));
    }

    public static Page<VersionNode> Versions(IResolveFieldContext<ProjectNode> c)
    {
        var (ids, productIds, taskIds) = (c.StringSet("ids"), c.StringSet("productIds"), c.StringSet("taskIds"));
        var (authors, statuses) = (c.StringSet("authors"), c.StringSet("statuses"));
        return Read(c, c.Source.Name, p => p.Versions
            .Where(r => (ids is null || ids.Contains(r.Id)) && (productIds is null || productIds.Contains(r.ProductId))
                && (taskIds is null || (r.TaskId is not null && taskIds.Contains(r.TaskId)))
                && (authors is null || authors.Contains(r.Author)) && (statuses is null || statuses.Contains(r.Status)))
            .Select(r => (r.Sequence, GraphSnapshots.Version(p, r))));
    }

    public static Page<RepresentationNode> Representations(IResolveFieldContext<ProjectNode> c)
    {
        var (ids, versionIds, names) = (c.StringSet("ids"), c.StringSet("versionIds"), c.StringSet("names"));
        return Read(c, c.Source.Name, p => Representations(p, ids, versionIds, names));
    }

    public static Page<RepresentationNode> RepresentationsOf(IResolveFieldContext<VersionNode> c) =>
        Read(c, c.Source.Project, p => Representations(p, null, [c.Source.Id], null));

    public static ProductNode ProductOf(IResolveFieldContext<VersionNode> c) =>
        Lookup(c, c.Source.Project, p => p.GetProduct(c.Source.ProductId) is { } r ? GraphSnapshots.Product(p, r) : null)
            ?? throw new ExecutionError($"Product {c.Source.ProductId} not found");

    public static TaskNode? TaskOf(IResolveFieldContext<VersionNode> c) =>
        c.Source.TaskId is not { } taskId ? null
            : Lookup(c, c.Source.Project, p => p.GetTask(taskId) is { } t ? GraphSnapshots.Task(p, c.Store().Attributes, t) : null);

    public static FolderNode FolderOf(IResolveFieldContext<ProductNode> c) =>
        Lookup(c, c.Source.Project, p => p.GetFolder(c.Source.FolderId) is { } f ? GraphSnapshots.Folder(p, c.Store().Attributes, f) : null)
            ?? throw new ExecutionError($"Folder {c.Source.FolderId} not found");

    private static IEnumerable<(long, RepresentationNode)> Representations(
        ProjectState p, HashSet<string>? ids, HashSet<string>? versionIds, HashSet<string>? names) =>
        p.Representations
            .Where(r => (ids is null || ids.Contains(r.Id)) && (versionIds is null || versionIds.Contains(r.VersionId))
                && (names is null || names.Contains(r.Name)))
            .Select(r => (r.Sequence, GraphSnapshots.Representation(p, r)));

    private static Page<T> Read<T>(IResolveFieldContext c, string projectName, Func<ProjectState, IEnumerable<(long Sequence, T Node)>> select)
    {
        var store = c.Store();
        return store.Locked(() =>
        {
            var project = RouteChecks.Project(store, projectName);
            return Paging.Slice(select(project).ToList(), c.First(), c.After(), c.Last(), c.Before());
        });
    }

    private static T? Lookup<T>(IResolveFieldContext c, string projectName, Func<ProjectState, T?> find)
        where T : class
    {
        var store = c.Store();
        return store.Locked(() => store.ProjectTable.GetValueOrDefault(projectName) is { } p ? find(p) : null);
    }
}
