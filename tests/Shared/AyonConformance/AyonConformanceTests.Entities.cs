using System.Net;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    private const string MissingId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Folder_names_are_unique_among_active_siblings_case_insensitively()
    {
        var p = await NewProjectAsync("names");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
        var sh = await Ayon.CreateAsync($"api/projects/{p}/folders", J($$$"""{"name":"sh010","folderType":"Shot","parentId":"{{{sq}}}"}"""));

        var rootDuplicate = await Ayon.PostAsync($"api/projects/{p}/folders", J("""{"name":"SQ01","folderType":"Sequence"}"""));
        var deactivate = await Ayon.PatchAsync($"api/projects/{p}/folders/{sh}", J("""{"active":false}"""));
        var besideInactive = await Ayon.PostAsync($"api/projects/{p}/folders", J($$$"""{"name":"SH010","folderType":"Shot","parentId":"{{{sq}}}"}"""));
        var reactivate = await Ayon.PatchAsync($"api/projects/{p}/folders/{sh}", J("""{"active":true}"""));

        Assert.Equal((HttpStatusCode.Conflict, "Folder with lower(name::text) 'sq01' already exists."), (rootDuplicate.Status, rootDuplicate.Detail));
        Assert.Equal(HttpStatusCode.NoContent, deactivate.Status);
        Assert.Equal(HttpStatusCode.Created, besideInactive.Status);
        Assert.Equal(HttpStatusCode.Conflict, reactivate.Status);
        Assert.Equal($"Folder with parent_id, lower(name::text) '{Guid.Parse(sq)}, sh010' already exists.", reactivate.Detail);
    }

    [Fact]
    public async Task Invalid_names_labels_types_and_parents_are_refused()
    {
        var p = await NewProjectAsync("invalid");

        var space = await Ayon.PostAsync($"api/projects/{p}/folders", J("""{"name":"sq 02"}"""));
        var quote = await Ayon.PostAsync($"api/projects/{p}/folders", J("""{"name":"sq03","label":"Bob's"}"""));
        var type = await Ayon.PostAsync($"api/projects/{p}/folders", J("""{"name":"sq04","folderType":"Nope"}"""));
        var parent = await Ayon.PostAsync($"api/projects/{p}/folders", J($$$"""{"name":"sq05","parentId":"{{{MissingId}}}"}"""));
        var listed = (await Ayon.GetAsync($"api/projects/{p}/folders")).Body!["folders"]!.AsArray();

        Assert.Equal(HttpStatusCode.BadRequest, space.Status);
        Assert.Equal(["code", "detail", "errors", "path", "traceback"], space.Body!.AsObject().Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.Equal("value_error.str.regex", space.Body["errors"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("""["body","name"]""", space.Body["errors"]![0]!["loc"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, quote.Status);
        Assert.Equal((HttpStatusCode.Conflict, "folder_type 'Nope' is not present in table \"folder_types\"."), (type.Status, type.Detail));
        Assert.Equal((HttpStatusCode.Conflict, $"parent_id '{Guid.Parse(MissingId)}' is not present in table \"folders\"."), (parent.Status, parent.Detail));
        Assert.Empty(listed);
    }

    [Fact]
    public async Task A_folder_reads_back_with_path_own_and_inherited_attributes()
    {
        var p = await NewProjectAsync("read");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));

        // snake_case keys are accepted; an unknown attribute key is dropped without an error.
        var sh = await Ayon.CreateAsync($"api/projects/{p}/folders",
            J($$$"""{"name":"sh010","folder_type":"Shot","parent_id":"{{{sq}}}","attrib":{"frameStart":1100,"bogus":1}}"""));
        var folder = (await Ayon.GetAsync($"api/projects/{p}/folders/{sh}")).Body!;
        var missing = await Ayon.GetAsync($"api/projects/{p}/folders/{MissingId}");
        var badId = await Ayon.GetAsync($"api/projects/{p}/folders/xyz");
        var list = await Ayon.GetAsync($"api/projects/{p}/folders");
        var listWithAttrib = await Ayon.GetAsync($"api/projects/{p}/folders?attrib=true");

        Assert.Equal("/sq01/sh010", folder["path"]!.GetValue<string>());
        Assert.Equal("Shot", folder["folderType"]!.GetValue<string>());
        Assert.Equal(sq, folder["parentId"]!.GetValue<string>());
        Assert.Equal(["frameStart"], Strings(folder["ownAttrib"]));
        Assert.Equal(1100, folder["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.Equal(25.0, folder["attrib"]!["fps"]!.GetValue<double>());
        Assert.Null(folder["attrib"]!["bogus"]);
        Assert.Equal((HttpStatusCode.NotFound, $"Entity {MissingId} not found"), (missing.Status, missing.Detail));
        Assert.Equal(HttpStatusCode.BadRequest, badId.Status);
        // The flat list gives paths without a leading slash, and attrib only when asked for.
        Assert.Equal(["sq01", "sq01/sh010"], list.Body!["folders"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Null(list.Body["folders"]![0]!["attrib"]);
        Assert.NotNull(listWithAttrib.Body!["folders"]![0]!["attrib"]);
    }

    [Fact]
    public async Task Tasks_are_unique_per_folder_and_need_a_type()
    {
        var p = await NewProjectAsync("tasks");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
        var task = await Ayon.CreateAsync($"api/projects/{p}/tasks", J($$$"""{"name":"comp","taskType":"Compositing","folderId":"{{{sq}}}"}"""));

        var duplicate = await Ayon.PostAsync($"api/projects/{p}/tasks", J($$$"""{"name":"COMP","taskType":"Compositing","folderId":"{{{sq}}}"}"""));
        var untyped = await Ayon.PostAsync($"api/projects/{p}/tasks", J($$$"""{"name":"x","folderId":"{{{sq}}}"}"""));
        var unknownType = await Ayon.PostAsync($"api/projects/{p}/tasks", J($$$"""{"name":"y","taskType":"Nope","folderId":"{{{sq}}}"}"""));
        var read = (await Ayon.GetAsync($"api/projects/{p}/tasks/{task}")).Body!;

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal($"Task with folder_id, lower(name::text) '{Guid.Parse(sq)}, comp' already exists.", duplicate.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, untyped.Status);
        Assert.Equal(HttpStatusCode.Conflict, unknownType.Status);
        Assert.Equal("/sq01/comp", read["path"]!.GetValue<string>());
        Assert.Equal("Compositing", read["taskType"]!.GetValue<string>());
        Assert.Null(read["createdBy"]);
    }

    [Fact]
    public async Task Patch_merges_attrib_and_data_one_level_deep_null_deletes_and_lists_are_replaced()
    {
        var p = await NewProjectAsync("merge");
        var id = await Ayon.CreateAsync($"api/projects/{p}/folders",
            J("""{"name":"sh010","label":"Old","tags":["a","b"],"attrib":{"frameStart":1100,"frameEnd":1200},"data":{"keep":1,"drop":2,"nested":{"x":1}}}"""));

        var patch = await Ayon.PatchAsync($"api/projects/{p}/folders/{id}",
            J("""{"label":"New","tags":["c"],"attrib":{"frameStart":null,"frameEnd":1300},"data":{"drop":null,"added":3,"nested":{"y":2}}}"""));
        var folder = (await Ayon.GetAsync($"api/projects/{p}/folders/{id}")).Body!;

        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        Assert.Equal("New", folder["label"]!.GetValue<string>());
        Assert.Equal(["c"], Strings(folder["tags"]));
        Assert.Equal(["frameEnd"], Strings(folder["ownAttrib"]));
        Assert.Equal(1300, folder["attrib"]!["frameEnd"]!.GetValue<int>());
        // A null attribute falls back to what it inherits (the project's default).
        Assert.Equal(1001, folder["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.Equal("""{"added":3,"keep":1,"nested":{"y":2}}""", Sorted(folder["data"]!));
    }

    [Fact]
    public async Task Deleting_a_folder_deletes_its_subfolders_and_tasks()
    {
        var p = await NewProjectAsync("cascade");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
        var sh = await Ayon.CreateAsync($"api/projects/{p}/folders", J($$$"""{"name":"sh010","folderType":"Shot","parentId":"{{{sq}}}"}"""));
        var task = await Ayon.CreateAsync($"api/projects/{p}/tasks", J($$$"""{"name":"comp","taskType":"Compositing","folderId":"{{{sh}}}"}"""));
        var other = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq02","folderType":"Sequence"}"""));

        var delete = await Ayon.DeleteAsync($"api/projects/{p}/folders/{sq}");

        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.GetAsync($"api/projects/{p}/folders/{sh}")).Status);
        var deletedTask = await Ayon.GetAsync($"api/projects/{p}/tasks/{task}");
        Assert.Equal((HttpStatusCode.NotFound, $"Entity {task} not found"), (deletedTask.Status, deletedTask.Detail));
        Assert.Equal(HttpStatusCode.OK, (await Ayon.GetAsync($"api/projects/{p}/folders/{other}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.DeleteAsync($"api/projects/{p}/folders/{sq}")).Status);
    }

    private static string Sorted(System.Text.Json.Nodes.JsonNode node) => node is System.Text.Json.Nodes.JsonObject o
        ? "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{(p.Value is null ? "null" : Sorted(p.Value))}")) + "}"
        : node.ToJsonString();
}
