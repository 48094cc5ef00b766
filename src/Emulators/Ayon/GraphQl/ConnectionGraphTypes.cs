using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Relay edge: <c>{ node cursor }</c>.</summary>
internal abstract class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    protected EdgeGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
    }
}

/// <summary>Relay connection: <c>{ pageInfo edges }</c>.</summary>
internal abstract class ConnectionGraphType<TEdgeType, TNode> : ObjectGraphType<Page<TNode>>
    where TEdgeType : IGraphType
{
    protected ConnectionGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}

internal sealed class FolderEdgeGraphType() : EdgeGraphType<FolderGraphType, FolderNode>("FolderEdge");

internal sealed class FoldersConnectionGraphType() : ConnectionGraphType<FolderEdgeGraphType, FolderNode>("FoldersConnection");

internal sealed class TaskEdgeGraphType() : EdgeGraphType<TaskGraphType, TaskNode>("TaskEdge");

internal sealed class TasksConnectionGraphType() : ConnectionGraphType<TaskEdgeGraphType, TaskNode>("TasksConnection");

internal sealed class EventEdgeGraphType() : EdgeGraphType<EventGraphType, EventNode>("EventEdge");

internal sealed class EventsConnectionGraphType() : ConnectionGraphType<EventEdgeGraphType, EventNode>("EventsConnection");
