using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

internal sealed class FolderGraphType : ObjectGraphType<FolderNode>
{
    public FolderGraphType()
    {
        Name = "FolderNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("label").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("folderType").Resolve(c => c.Source.FolderType);
        Field<StringGraphType>("parentId").Resolve(c => c.Source.ParentId);
        Field<StringGraphType>("path").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ownAttrib").Resolve(c => c.Source.OwnAttrib);
        Field<NonNullGraphType<FolderAttribGraphType>>("attrib").Resolve(c => c.Source.Attrib);
        Field<NonNullGraphType<StringGraphType>>("allAttrib").Resolve(c => c.Source.AllAttrib);
        Field<StringGraphType>("data").Resolve(c => c.Source.Data);
        Field<NonNullGraphType<BooleanGraphType>>("hasChildren").Resolve(c => c.Source.HasChildren);
        Field<NonNullGraphType<BooleanGraphType>>("hasTasks").Resolve(c => c.Source.HasTasks);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
