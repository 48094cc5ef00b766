using GraphQL;
using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Root query: <c>project(name:|code:)</c>, <c>events(...)</c> and <c>users(...)</c>.</summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";

        // Non-null like the real schema, so a missing project nulls the whole data object.
        Field<NonNullGraphType<ProjectGraphType>>("project")
            .Argument<StringGraphType>("name")
            .Argument<StringGraphType>("code")
            .Resolve(c =>
            {
                var name = c.GetArgument<string?>("name");
                var code = c.GetArgument<string?>("code");
                var store = c.Store();
                return store.Locked(() =>
                {
                    var project = name is not null
                        ? store.ProjectTable.GetValueOrDefault(name)
                        : store.ProjectTable.Values.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
                    return project is null
                        ? throw new ExecutionError("Project not found")
                        : new ProjectNode(project.Name, project.Code, project.Label, project.Active, project.Library);
                });
            });

        Field<NonNullGraphType<EventsConnectionGraphType>>("events")
            .PagingArguments()
            .StringListArgument("ids").StringListArgument("topics").StringListArgument("projects")
            .StringListArgument("users").StringListArgument("statuses")
            .Resolve(ResolveEvents);

        Field<NonNullGraphType<UsersConnectionGraphType>>("users")
            .PagingArguments()
            .Argument<StringGraphType>("name")
            .StringListArgument("names")
            .Resolve(ResolveUsers);
    }

    /// <summary>Ordered by name, as the real resolver's pagination is.</summary>
    private static Page<UserNode> ResolveUsers(IResolveFieldContext<object?> c)
    {
        var name = c.GetArgument<string?>("name");
        var names = c.StringSet("names");
        var store = c.Store();
        return store.Locked(() =>
        {
            var ordered = store.UserTable.Values.OrderBy(u => u.Name, StringComparer.Ordinal)
                .Select((u, i) => (Sequence: (long)i + 1, User: u))
                .Where(x => (name is null || string.Equals(x.User.Name, name, StringComparison.OrdinalIgnoreCase)) && (names is null || names.Contains(x.User.Name)));
            var page = Paging.Slice(ordered, c.First(), c.After(), c.Last(), c.Before());
            return new Page<UserNode>(page.Edges.Select(e => new Edge<UserNode>(Snapshot(e.Node), e.Cursor)).ToList(), page.PageInfo);
        });
    }

    private static UserNode Snapshot(UserRecord u) => new(
        u.Name, u.Active, u.Attrib["fullName"]?.ToString(), u.Attrib["email"]?.ToString(),
        u.Attrib.ToJsonString(JsonFields.Wire), u.IsService, u.HasPassword);

    private static Page<EventNode> ResolveEvents(IResolveFieldContext<object?> c)
    {
        var ids = c.StringSet("ids");
        var topics = c.StringSet("topics");
        var projects = c.StringSet("projects");
        var users = c.StringSet("users");
        var statuses = c.StringSet("statuses");
        var store = c.Store();
        var topicTests = topics?.Select(TopicTest).ToList();
        var (first, after, last, before) = (c.First(), c.After(), c.Last(), c.Before());
        return store.Locked(() =>
        {
            // Forward paging reads from the cursor on and stops one past the page: a follower's poll does not scan the log.
            var forward = last is null && before is null;
            var from = forward && long.TryParse(after, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq : 0;
            var matches = store.EventLog.After(from).Where(e =>
                (ids is null || ids.Contains(e.Id))
                && (topicTests is null || topicTests.Any(t => t(e.Topic)))
                && (projects is null || (e.Project is not null && projects.Contains(e.Project)))
                && (users is null || users.Contains(e.User))
                && (statuses is null || statuses.Contains(e.Status)));
            if (forward)
            {
                matches = matches.Take((first ?? Paging.DefaultPageSize) + 1);
            }

            var page = Paging.Slice(matches.Select(e => (e.Sequence, e)), first, after, last, before);
            return new Page<EventNode>(
                page.Edges.Select(e => new Edge<EventNode>(GraphSnapshots.Event(e.Node), e.Cursor)).ToList(), page.PageInfo);
        });
    }

    /// <summary><c>*</c> works as SQL LIKE's <c>%</c>; built once per query (a trailing <c>*</c> is a prefix test).</summary>
    private static Func<string, bool> TopicTest(string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return topic => topic == pattern;
        }

        if (star == pattern.Length - 1)
        {
            var prefix = pattern[..^1];
            return topic => topic.StartsWith(prefix, StringComparison.Ordinal);
        }

        var regex = new System.Text.RegularExpressions.Regex(
            "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$");
        return regex.IsMatch;
    }
}
