using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

internal sealed class TaskGraphType : ObjectGraphType<TaskNode>
{
    public TaskGraphType()
    {
        Name = "TaskNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("label").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("taskType").Resolve(c => c.Source.TaskType);
        Field<NonNullGraphType<StringGraphType>>("folderId").Resolve(c => c.Source.FolderId);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("assignees").Resolve(c => c.Source.Assignees);
        Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ownAttrib").Resolve(c => c.Source.OwnAttrib);
        Field<NonNullGraphType<TaskAttribGraphType>>("attrib").Resolve(c => c.Source.Attrib);
        Field<NonNullGraphType<StringGraphType>>("allAttrib").Resolve(c => c.Source.AllAttrib);
        Field<StringGraphType>("data").Resolve(c => c.Source.Data);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
