using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

internal sealed class ProductGraphType : ObjectGraphType<ProductNode>
{
    public ProductGraphType()
    {
        Name = "ProductNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("productType").Resolve(c => c.Source.ProductType);
        Field<NonNullGraphType<StringGraphType>>("folderId").Resolve(c => c.Source.FolderId);
        PublishGraphFields.AddCommon(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VersionListItemGraphType>>>>("versionList").Resolve(c => c.Source.VersionList);
        Field<NonNullGraphType<FolderGraphType>>("folder").Resolve(PublishResolvers.FolderOf);
    }
}

internal sealed class VersionListItemGraphType : ObjectGraphType<VersionListItem>
{
    public VersionListItemGraphType()
    {
        Name = "VersionListItem";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
    }
}

internal sealed class VersionGraphType : ObjectGraphType<VersionNode>
{
    public VersionGraphType()
    {
        Name = "VersionNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("productId").Resolve(c => c.Source.ProductId);
        Field<StringGraphType>("taskId").Resolve(c => c.Source.TaskId);
        Field<StringGraphType>("author").Resolve(c => c.Source.Author);
        PublishGraphFields.AddCommon(this);
        Field<NonNullGraphType<ProductGraphType>>("product").Resolve(PublishResolvers.ProductOf);
        Field<TaskGraphType>("task").Resolve(PublishResolvers.TaskOf);
        Field<NonNullGraphType<RepresentationsConnectionGraphType>>("representations")
            .PagingArguments()
            .Resolve(PublishResolvers.RepresentationsOf);
    }
}

internal sealed class RepresentationGraphType : ObjectGraphType<RepresentationNode>
{
    public RepresentationGraphType()
    {
        Name = "RepresentationNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("versionId").Resolve(c => c.Source.VersionId);
        PublishGraphFields.AddCommon(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FileGraphType>>>>("files").Resolve(c => c.Source.Files);
    }
}

internal sealed class FileGraphType : ObjectGraphType<FileNode>
{
    public FileGraphType()
    {
        Name = "FileNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("path").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<StringGraphType>>("size").Resolve(c => c.Source.Size);
        Field<StringGraphType>("hash").Resolve(c => c.Source.Hash);
        Field<NonNullGraphType<StringGraphType>>("hashType").Resolve(c => c.Source.HashType);
    }
}

internal sealed class ProductEdgeGraphType() : EdgeGraphType<ProductGraphType, ProductNode>("ProductEdge");

internal sealed class ProductsConnectionGraphType() : ConnectionGraphType<ProductEdgeGraphType, ProductNode>("ProductsConnection");

internal sealed class VersionEdgeGraphType() : EdgeGraphType<VersionGraphType, VersionNode>("VersionEdge");

internal sealed class VersionsConnectionGraphType() : ConnectionGraphType<VersionEdgeGraphType, VersionNode>("VersionsConnection");

internal sealed class RepresentationEdgeGraphType() : EdgeGraphType<RepresentationGraphType, RepresentationNode>("RepresentationEdge");

internal sealed class RepresentationsConnectionGraphType() : ConnectionGraphType<RepresentationEdgeGraphType, RepresentationNode>("RepresentationsConnection");
