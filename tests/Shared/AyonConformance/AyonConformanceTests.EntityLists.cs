using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// Entity lists (<c>/api/projects/{p}/lists</c>), what the playlist sync relies on: a create with a chosen id saves
/// over the list of that id, the label is unique per project (answered 500 with the unique violation in the body),
/// listed entities must exist, items come back in position order, and every save emits <c>entity_list.*</c> with the
/// caller's sender and a snake_case summary. Lists of folders here: the same code paths as lists of versions.
/// </summary>
public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task Entity_lists_are_created_by_id_renamed_and_refill_their_items_in_order()
    {
        var p = await NewProjectAsync("elist");
        var a = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sh010","folderType":"Shot"}"""));
        var b = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sh020","folderType":"Shot"}"""));
        var id = Guid.NewGuid().ToString("N");
        var sender = new Dictionary<string, string> { ["x-sender"] = "conf-lists.1" };

        var created = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/lists", J($$"""
            {"id":"{{id}}","entityType":"folder","label":"Dailies","data":{"shotgridId":"7"},"items":[{"entityId":"{{a}}"}]}
            """), headers: sender);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(J($$"""{"id":"{{id}}","entityListType":"generic","entityType":"folder","label":"Dailies","count":1}""").ToJsonString(), created.Body!.ToJsonString());

        // Posting the same id again saves over it (label and items as sent), no second list.
        var again = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/lists", J($$"""
            {"id":"{{id}}","entityType":"folder","label":"Dailies A","data":{"shotgridId":"7"},"items":[{"entityId":"{{b}}"},{"entityId":"{{a}}"}]}
            """), headers: sender);
        Assert.Equal(HttpStatusCode.Created, again.Status);

        // Items: append, merge-append, remove one; order is the list order and positions are renumbered.
        Assert.Equal(HttpStatusCode.Created, (await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/lists/{id}/items", J($$"""{"entityId":"{{b}}"}"""), headers: sender)).Status);
        var merged = await Ayon.SendAsync(HttpMethod.Patch, $"api/projects/{p}/lists/{id}/items", J($$"""{"mode":"merge","items":[{"entityId":"{{a}}"}]}"""), headers: sender);
        Assert.Equal(HttpStatusCode.OK, merged.Status);
        var list = (await Ayon.GetAsync($"api/projects/{p}/lists/{id}")).Body!;
        Assert.Equal([b, a, b, a], list["items"]!.AsArray().Select(i => i!["entityId"]!.GetValue<string>()).ToArray());
        Assert.Equal([0, 1, 2, 3], list["items"]!.AsArray().Select(i => i!["position"]!.GetValue<int>()).ToArray());
        Assert.Equal("sh020", list["items"]![0]!["folderPath"]!.GetValue<string>());
        Assert.Equal(4, list["data"]!["count"]!.GetValue<int>());
        var second = list["items"]![1]!["id"]!.GetValue<string>();
        var removed = await Ayon.SendAsync(HttpMethod.Delete, $"api/projects/{p}/lists/{id}/items/{second}", headers: sender);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.DeleteAsync($"api/projects/{p}/lists/{id}/items/{second}")).Status);

        // Replace sets the items; rename and data patch merge (the ShotGrid link stays).
        var replaced = await Ayon.SendAsync(HttpMethod.Patch, $"api/projects/{p}/lists/{id}/items", J($$"""{"mode":"replace","items":[{"entityId":"{{a}}"}]}"""), headers: sender);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        var renamed = await Ayon.SendAsync(HttpMethod.Patch, $"api/projects/{p}/lists/{id}", J("""{"label":"Dailies B","data":{"note":"x"}}"""), headers: sender);
        Assert.Equal(HttpStatusCode.NoContent, renamed.Status);
        list = (await Ayon.GetAsync($"api/projects/{p}/lists/{id}")).Body!;
        Assert.Equal("Dailies B", list["label"]!.GetValue<string>());
        Assert.Equal("7", list["data"]!["shotgridId"]!.GetValue<string>());
        Assert.Equal([a], list["items"]!.AsArray().Select(i => i!["entityId"]!.GetValue<string>()).ToArray());

        var edges = await ListEventsAsync(p, 7);
        Assert.Equal(
            ["entity_list.created", "entity_list.changed", "entity_list.changed", "entity_list.changed", "entity_list.changed", "entity_list.changed", "entity_list.changed"],
            edges.Select(Topic).ToArray());
        Assert.All(edges, e => Assert.Equal("conf-lists.1", e["node"]!["sender"]?.GetValue<string>()));
        var last = Summary(edges[^1]);
        Assert.Equal(id, last["id"]!.GetValue<string>());
        Assert.Equal("Dailies B", last["label"]!.GetValue<string>());
        Assert.Equal("folder", last["entity_type"]!.GetValue<string>());
        Assert.Equal(1, last["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Entity_lists_refuse_a_taken_label_a_missing_entity_and_an_empty_patch_and_delete_with_an_event()
    {
        var p = await NewProjectAsync("elref");
        var a = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sh010","folderType":"Shot"}"""));
        var id = await Ayon.CreateAsync($"api/projects/{p}/lists", J("""{"entityType":"folder","label":"Review"}"""));

        var taken = await Ayon.PostAsync($"api/projects/{p}/lists", J("""{"entityType":"folder","label":"Review"}"""));
        Assert.Equal(HttpStatusCode.InternalServerError, taken.Status);
        Assert.Equal("unique-violation", taken.Body!["error"]!.GetValue<string>());
        Assert.Equal(409, taken.Body!["code"]!.GetValue<int>());

        var missing = Guid.NewGuid().ToString("N");
        var noEntity = await Ayon.PostAsync($"api/projects/{p}/lists/{id}/items", J($$"""{"entityId":"{{missing}}"}"""));
        Assert.Equal(HttpStatusCode.NotFound, noEntity.Status);
        Assert.Equal($"Folder {missing} not found", noEntity.Detail);

        var empty = await Ayon.PatchAsync($"api/projects/{p}/lists/{id}/items", J("""{"mode":"replace","items":[]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.GetAsync($"api/projects/{p}/lists/{Guid.NewGuid():N}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Ayon.PostAsync($"api/projects/{p}/lists/{id}/items", J($$"""{"entityId":"{{a}}"}"""))).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await Ayon.DeleteAsync($"api/projects/{p}/lists/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.GetAsync($"api/projects/{p}/lists/{id}")).Status);
        var edges = await ListEventsAsync(p, 3);
        Assert.Equal(["entity_list.created", "entity_list.changed", "entity_list.deleted"], edges.Select(Topic).ToArray());
        var deleted = Summary(edges[2]);
        Assert.Equal(id, deleted["id"]!.GetValue<string>());
        Assert.Equal(1, deleted["count"]!.GetValue<int>());
    }

    private Task<List<JsonNode>> ListEventsAsync(string project, int count) => EventsAfterAsync(project, null, count, ["entity_list.*"]);
}
