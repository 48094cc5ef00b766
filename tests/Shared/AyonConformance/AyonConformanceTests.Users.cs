using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// Users and task assignees as the sync uses them: users are made without passwords and linked to ShotGrid through
/// <c>data.sg_user_id</c>; the sync lists them through GraphQL and reads each one's data over REST, because GraphQL's
/// <c>UserNode</c> has no <c>data</c>. AYON does not check assignee names or tags, so the sync has to.
/// </summary>
public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task Users_are_made_without_a_password_and_read_back_with_their_data()
    {
        var name = $"conf.user{Guid.NewGuid().ToString("N")[..8]}";

        var put = await Ayon.PutAsync($"api/users/{name}", J("""{"attrib":{"fullName":"Ann Lee"},"data":{"sg_user_id":42}}"""));
        var again = await Ayon.PutAsync($"api/users/{name}", J("""{"attrib":{"fullName":"Ann Lee"}}"""));
        var read = await Ayon.GetAsync($"api/users/{name}");
        var patch = await Ayon.PatchAsync($"api/users/{name}", J("""{"data":{"sg_user_id":43}}"""));
        var patched = await Ayon.GetAsync($"api/users/{name}");
        var missing = await Ayon.GetAsync("api/users/conf.nobody.here");
        var list = await Ayon.GetAsync("api/users");

        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        Assert.Equal((HttpStatusCode.Conflict, "User already exists"), (again.Status, again.Detail));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(42, read.Body!["data"]!["sg_user_id"]!.GetValue<int>());
        Assert.Equal("Ann Lee", read.Body["attrib"]!["fullName"]!.GetValue<string>());
        Assert.True(read.Body["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        Assert.Equal(43, patched.Body!["data"]!["sg_user_id"]!.GetValue<int>());
        Assert.Equal((HttpStatusCode.NotFound, "User conf.nobody.here not found"), (missing.Status, missing.Detail));
        // There is no REST listing of users.
        Assert.Equal(HttpStatusCode.NotFound, list.Status);
    }

    [Fact]
    public async Task Users_are_listed_by_graphql_without_their_data()
    {
        var name = $"conf.user{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(HttpStatusCode.NoContent, (await Ayon.PutAsync($"api/users/{name}", J("""{"attrib":{"fullName":"Bo"},"data":{"sg_user_id":7}}"""))).Status);

        var listed = await Ayon.GraphQlAsync("query Users($names: [String!]) { users(names: $names, first: 100) { pageInfo { hasNextPage endCursor } edges { node { name active } } } }",
            new JsonObject { ["names"] = new JsonArray(name) });
        var withData = await Ayon.GraphQlAsync("{ users(first: 10) { edges { node { name data } } } }");

        var nodes = listed.Body!["data"]!["users"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal([name], nodes.Select(n => n["name"]!.GetValue<string>()));
        Assert.True(nodes[0]["active"]!.GetValue<bool>());
        Assert.False(listed.Body["data"]!["users"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Null(withData.Body!["data"]);
        Assert.Equal("Cannot query field 'data' on type 'UserNode'.", withData.Body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assignees_and_tags_are_stored_as_sent_even_when_no_such_user_exists()
    {
        var p = await NewProjectAsync("assign");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence","tags":["hero","night"]}"""));
        var task = await Ayon.CreateAsync($"api/projects/{p}/tasks",
            J($$$"""{"name":"comp","taskType":"Compositing","folderId":"{{{sq}}}","assignees":["conf.ghost"],"tags":["unlisted"]}"""));

        var created = (await Ayon.GetAsync($"api/projects/{p}/tasks/{task}")).Body!;
        var patch = await Ayon.PatchAsync($"api/projects/{p}/tasks/{task}", J("""{"assignees":["conf.ghost2","conf.ghost3"],"tags":[]}"""));
        var patched = (await Ayon.GetAsync($"api/projects/{p}/tasks/{task}")).Body!;
        var folder = (await Ayon.GetAsync($"api/projects/{p}/folders/{sq}")).Body!;
        var graph = await Ayon.GraphQlAsync("query T($p: String!) { project(name: $p) { tasks { edges { node { assignees tags } } } } }", new JsonObject { ["p"] = p });

        // Neither list is checked: unknown user names and tags outside the project's anatomy are accepted.
        Assert.Equal(["conf.ghost"], Strings(created["assignees"]));
        Assert.Equal(["unlisted"], Strings(created["tags"]));
        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        Assert.Equal(["conf.ghost2", "conf.ghost3"], Strings(patched["assignees"]));
        Assert.Empty(Strings(patched["tags"]));
        Assert.Equal(["hero", "night"], Strings(folder["tags"]));
        var node = graph.Body!["data"]!["project"]!["tasks"]!["edges"]![0]!["node"]!;
        Assert.Equal(["conf.ghost2", "conf.ghost3"], Strings(node["assignees"]));
    }
}
