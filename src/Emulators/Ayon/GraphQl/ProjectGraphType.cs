using GraphQL;
using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Project node with the folder and task connections and their filters.</summary>
internal sealed partial class ProjectGraphType : ObjectGraphType<ProjectNode>
{
    public ProjectGraphType()
    {
        Name = "ProjectNode";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("projectName").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<StringGraphType>("label").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
        Field<NonNullGraphType<BooleanGraphType>>("library").Resolve(c => c.Source.Library);

        Field<NonNullGraphType<FoldersConnectionGraphType>>("folders")
            .PagingArguments()
            .StringListArgument("ids").StringListArgument("parentIds").StringListArgument("names")
            .StringListArgument("folderTypes").StringListArgument("statuses").StringListArgument("paths")
            .Resolve(ResolveFolders);

        Field<NonNullGraphType<TasksConnectionGraphType>>("tasks")
            .PagingArguments()
            .StringListArgument("ids").StringListArgument("folderIds").StringListArgument("names")
            .StringListArgument("taskTypes").StringListArgument("statuses").StringListArgument("assignees")
            .Resolve(ResolveTasks);

        AddPublishFields();
    }

    private static Page<FolderNode> ResolveFolders(IResolveFieldContext<ProjectNode> c)
    {
        var ids = c.StringSet("ids");
        var parentIds = c.StringSet("parentIds");
        var names = c.StringSet("names");
        var types = c.StringSet("folderTypes");
        var statuses = c.StringSet("statuses");
        var paths = c.StringSet("paths");
        var store = c.Store();
        return store.Locked(() =>
        {
            var project = RouteChecks.Project(store, c.Source.Name);
            var matches = project.Folders.Where(f =>
                (ids is null || ids.Contains(f.Id))
                && (parentIds is null || parentIds.Contains(f.ParentId ?? "root") || (f.ParentId is null && parentIds.Contains("")))
                && (names is null || names.Contains(f.Name))
                && (types is null || types.Contains(f.FolderType))
                && (statuses is null || statuses.Contains(f.Status))
                && (paths is null || paths.Contains(project.FolderPath(f.Id)) || paths.Contains("/" + project.FolderPath(f.Id))));
            var page = Paging.Slice(matches.Select(f => (f.Sequence, f)), c.First(), c.After(), c.Last(), c.Before());
            return new Page<FolderNode>(
                page.Edges.Select(e => new Edge<FolderNode>(GraphSnapshots.Folder(project, store.Attributes, e.Node), e.Cursor)).ToList(),
                page.PageInfo);
        });
    }

    private static Page<TaskNode> ResolveTasks(IResolveFieldContext<ProjectNode> c)
    {
        var ids = c.StringSet("ids");
        var folderIds = c.StringSet("folderIds");
        var names = c.StringSet("names");
        var types = c.StringSet("taskTypes");
        var statuses = c.StringSet("statuses");
        var assignees = c.StringSet("assignees");
        var store = c.Store();
        return store.Locked(() =>
        {
            var project = RouteChecks.Project(store, c.Source.Name);
            var matches = project.Tasks.Where(t =>
                (ids is null || ids.Contains(t.Id))
                && (folderIds is null || folderIds.Contains(t.FolderId))
                && (names is null || names.Contains(t.Name))
                && (types is null || types.Contains(t.TaskType))
                && (statuses is null || statuses.Contains(t.Status))
                && (assignees is null || assignees.All(t.Assignees.Contains)));
            var page = Paging.Slice(matches.Select(t => (t.Sequence, t)), c.First(), c.After(), c.Last(), c.Before());
            return new Page<TaskNode>(
                page.Edges.Select(e => new Edge<TaskNode>(GraphSnapshots.Task(project, store.Attributes, e.Node), e.Cursor)).ToList(),
                page.PageInfo);
        });
    }
}
