using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task GraphQl_lists_folders_page_by_page_with_attrib_and_data()
    {
        var p = await NewProjectAsync("gqlpage");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence","attrib":{"frameStart":1100}}"""));
        foreach (var name in new[] { "sh010", "sh020", "sh030", "sh040" })
        {
            await Ayon.CreateAsync($"api/projects/{p}/folders", J($$$"""{"name":"{{{name}}}","folderType":"Shot","parentId":"{{{sq}}}","data":{"k":"{{{name}}}"}}"""));
        }

        const string query = "query($p:String!,$after:String){project(name:$p){folders(first:2,after:$after){pageInfo{hasNextPage endCursor} " +
            "edges{node{id name path parentId folderType active allAttrib data ownAttrib attrib{frameStart fps}}}}}}";
        var nodes = new List<JsonNode>();
        var pages = 0;
        string? after = null;
        bool more;
        do
        {
            var answer = await Ayon.GraphQlAsync(query, new JsonObject { ["p"] = p, ["after"] = after });
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var folders = answer.Body!["data"]!["project"]!["folders"]!;
            nodes.AddRange(folders["edges"]!.AsArray().Select(e => e!["node"]!));
            more = folders["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = folders["pageInfo"]!["endCursor"]?.GetValue<string>();
            pages++;
        }
        while (more && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(["sh010", "sh020", "sh030", "sh040", "sq01"], nodes.Select(n => n["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var sequence = nodes.Single(n => n["name"]!.GetValue<string>() == "sq01");
        var shot = nodes.Single(n => n["name"]!.GetValue<string>() == "sh010");
        Assert.Equal("/sq01", sequence["path"]!.GetValue<string>());
        Assert.Null(sequence["data"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKind(sequence["allAttrib"]));
        Assert.Equal(1100, JsonNode.Parse(sequence["allAttrib"]!.GetValue<string>())!["frameStart"]!.GetValue<int>());
        Assert.Equal("/sq01/sh010", shot["path"]!.GetValue<string>());
        Assert.Equal(sq, shot["parentId"]!.GetValue<string>());
        Assert.Equal("sh010", JsonNode.Parse(shot["data"]!.GetValue<string>())!["k"]!.GetValue<string>());
        // Typed attrib carries inherited values.
        Assert.Equal(1100, shot["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.Empty(Strings(shot["ownAttrib"]));
    }

    [Fact]
    public async Task GraphQl_filters_by_ids_and_by_names_case_sensitively()
    {
        var p = await NewProjectAsync("gqlfilter");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
        var task = await Ayon.CreateAsync($"api/projects/{p}/tasks", J($$$"""{"name":"comp","taskType":"Compositing","folderId":"{{{sq}}}"}"""));
        var vars = new JsonObject { ["p"] = p, ["ids"] = new JsonArray(sq, MissingId) };

        var byIds = await Ayon.GraphQlAsync("query($p:String!,$ids:[String!]){project(name:$p){folders(ids:$ids,first:500){edges{node{id}}}}}", vars);
        var tasksByIds = await Ayon.GraphQlAsync("query($p:String!,$ids:[String!]){project(name:$p){tasks(ids:$ids){edges{node{id name folderId taskType}}}}}",
            new JsonObject { ["p"] = p, ["ids"] = new JsonArray(task) });
        var sameCase = await Ayon.GraphQlAsync("query($p:String!){project(name:$p){folders(names:[\"sq01\"]){edges{node{id}}}}}", new JsonObject { ["p"] = p });
        var otherCase = await Ayon.GraphQlAsync("query($p:String!){project(name:$p){folders(names:[\"SQ01\"]){edges{node{id}}}}}", new JsonObject { ["p"] = p });

        Assert.Equal([sq], Ids(byIds.Body!["data"]!["project"]!["folders"]!));
        var taskNode = tasksByIds.Body!["data"]!["project"]!["tasks"]!["edges"]![0]!["node"]!;
        Assert.Equal((task, "comp", sq, "Compositing"),
            (taskNode["id"]!.GetValue<string>(), taskNode["name"]!.GetValue<string>(), taskNode["folderId"]!.GetValue<string>(), taskNode["taskType"]!.GetValue<string>()));
        Assert.Equal([sq], Ids(sameCase.Body!["data"]!["project"]!["folders"]!));
        Assert.Empty(Ids(otherCase.Body!["data"]!["project"]!["folders"]!));
    }

    [Fact]
    public async Task GraphQl_errors_come_with_data_null()
    {
        var p = await NewProjectAsync("gqlerr");

        var missing = await Ayon.GraphQlAsync("{project(name:\"nope_missing\"){name}}");
        var unknownField = await Ayon.GraphQlAsync("query($p:String!){project(name:$p){folders{edges{node{attrib{notAnAttribute}}}}}}", new JsonObject { ["p"] = p });

        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.True(missing.Body!.AsObject().ContainsKey("data"));
        Assert.Null(missing.Body["data"]);
        Assert.Equal("Project not found", missing.Body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, unknownField.Status);
        Assert.NotEmpty(unknownField.Body!["errors"]!.AsArray());
    }

    private static string[] Ids(JsonNode connection) => [.. connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>())];

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? node) => node?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null;
}
