using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The fields AYON's ProductNode, VersionNode and RepresentationNode share, declared once.</summary>
internal static class PublishGraphFields
{
    public static void AddCommon<TNode>(ObjectGraphType<TNode> type)
        where TNode : IPublishNode
    {
        type.Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        type.Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
        type.Field<NonNullGraphType<StringGraphType>>("allAttrib").Resolve(c => c.Source.AllAttrib);
        type.Field<StringGraphType>("data").Resolve(c => c.Source.Data);
        type.Field<NonNullGraphType<StringGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        type.Field<NonNullGraphType<StringGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
