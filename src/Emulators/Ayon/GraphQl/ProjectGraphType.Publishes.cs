namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The project's product, version and representation connections with the filters the real schema offers.</summary>
internal sealed partial class ProjectGraphType
{
    private void AddPublishFields()
    {
        Field<GraphQL.Types.NonNullGraphType<ProductsConnectionGraphType>>("products")
            .PagingArguments()
            .StringListArgument("ids").StringListArgument("folderIds").StringListArgument("names").StringListArgument("productTypes")
            .Resolve(PublishResolvers.Products);

        Field<GraphQL.Types.NonNullGraphType<VersionsConnectionGraphType>>("versions")
            .PagingArguments()
            .StringListArgument("ids").StringListArgument("productIds").StringListArgument("taskIds")
            .StringListArgument("authors").StringListArgument("statuses")
            .Resolve(PublishResolvers.Versions);

        Field<GraphQL.Types.NonNullGraphType<RepresentationsConnectionGraphType>>("representations")
            .PagingArguments()
            .StringListArgument("ids").StringListArgument("versionIds").StringListArgument("names")
            .Resolve(PublishResolvers.Representations);

        Field<GraphQL.Types.NonNullGraphType<ActivitiesConnectionGraphType>>("activities")
            .PagingArguments()
            .StringListArgument("activityIds").StringListArgument("activityTypes")
            .Resolve(ActivityResolvers.Activities);
    }
}
