using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// What a publish writes (product → version → representation) and what the AYON → ShotGrid push and the playlists
/// read back: REST shapes, integrity rules, the <c>entity.version.*</c> events and the GraphQL version graph.
/// </summary>
public abstract partial class AyonConformanceTests
{
    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A shot with a frame range, a comp task, a render product, version 1 on the task and one representation.</summary>
    private async Task<(string Project, string Shot, string Task, string Product, string Version, string Representation)> PublishAsync(
        string stem, IReadOnlyDictionary<string, string>? headers = null)
    {
        var p = await NewProjectAsync(stem);
        var (sh, task, product, version, rep) = (NewId(), NewId(), NewId(), NewId(), NewId());
        var answer = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/operations", J($$$$"""
            {"operations":[
              {"type":"create","entityType":"folder","entityId":"{{{{sh}}}}","data":{"name":"sh010","folderType":"Shot","attrib":{"frameStart":1001,"frameEnd":1100}}},
              {"type":"create","entityType":"task","entityId":"{{{{task}}}}","data":{"name":"comp","taskType":"Compositing","folderId":"{{{{sh}}}}"}},
              {"type":"create","entityType":"product","entityId":"{{{{product}}}}","data":{"name":"renderMain","productType":"render","folderId":"{{{{sh}}}}"}},
              {"type":"create","entityType":"version","entityId":"{{{{version}}}}","data":{"version":1,"productId":"{{{{product}}}}","taskId":"{{{{task}}}}","attrib":{"frameStart":1001,"frameEnd":1050,"comment":"first"}}},
              {"type":"create","entityType":"representation","entityId":"{{{{rep}}}}","data":{"name":"exr","versionId":"{{{{version}}}}",
                 "files":[{"id":"{{{{NewId()}}}}","path":"/proj/sh010/render.%04d.exr","size":100,"hash":"abc","extra":1}],"attrib":{"path":"/proj/sh010/render.1001.exr"}}}]}
            """), headers: headers);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Body!["success"]!.GetValue<bool>(), $"publish: {answer}");
        return (p, sh, task, product, version, rep);
    }

    [Fact]
    public async Task A_publish_through_operations_reads_back_with_derived_names_paths_and_scoped_default_statuses()
    {
        var (p, sh, task, product, version, rep) = await PublishAsync("pubrest");

        var v = (await Ayon.GetAsync($"api/projects/{p}/versions/{version}")).Body!;
        Assert.Equal((1, product, task, "service", "/sh010/renderMain/v001"),
            (v["version"]!.GetValue<int>(), v["productId"]!.GetValue<string>(), v["taskId"]!.GetValue<string>(), v["author"]!.GetValue<string>(), v["path"]!.GetValue<string>()));
        // Statuses default to the first one whose scope includes the entity type.
        Assert.Equal("Pending review", v["status"]!.GetValue<string>());
        Assert.Equal("""{"frameStart":1001,"frameEnd":1050,"comment":"first"}""", v["attrib"]!.ToJsonString());
        Assert.Equal(["comment", "frameEnd", "frameStart"], Strings(v["ownAttrib"]).Order(StringComparer.Ordinal));

        var pr = (await Ayon.GetAsync($"api/projects/{p}/products/{product}")).Body!;
        Assert.Equal(("renderMain", sh, "render", "/sh010/renderMain", "Not ready"),
            (pr["name"]!.GetValue<string>(), pr["folderId"]!.GetValue<string>(), pr["productType"]!.GetValue<string>(), pr["path"]!.GetValue<string>(), pr["status"]!.GetValue<string>()));

        var r = (await Ayon.GetAsync($"api/projects/{p}/representations/{rep}")).Body!;
        Assert.Equal(("exr", version, "/sh010/renderMain/v001/exr", "Omitted"),
            (r["name"]!.GetValue<string>(), r["versionId"]!.GetValue<string>(), r["path"]!.GetValue<string>(), r["status"]!.GetValue<string>()));
        // Files keep id, path, size and hash; unknown keys are dropped and hashType is added.
        var file = r["files"]![0]!.AsObject();
        Assert.Equal(["hash", "hashType", "id", "path", "size"], file.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("/proj/sh010/render.%04d.exr", 100, "md5"), (file["path"]!.GetValue<string>(), file["size"]!.GetValue<int>(), file["hashType"]!.GetValue<string>()));

        // A version without a task or attributes: no taskId key, and no attribute inherited from the folder's frame range.
        var bare = await Ayon.CreateAsync($"api/projects/{p}/versions", J($$"""{"version":2,"productId":"{{product}}"}"""));
        var b = (await Ayon.GetAsync($"api/projects/{p}/versions/{bare}")).Body!.AsObject();
        Assert.False(b.ContainsKey("taskId"));
        Assert.Equal("{}", b["attrib"]!.ToJsonString());
        Assert.Equal("/sh010/renderMain/v002", b["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Versions_and_representations_keep_the_integrity_rules_of_the_schema()
    {
        var (p, _, _, product, version, _) = await PublishAsync("pubrules");

        async Task<HttpStatusCode> Post(string table, string body) => (await Ayon.PostAsync($"api/projects/{p}/{table}", J(body))).Status;

        var duplicate = await Ayon.PostAsync($"api/projects/{p}/versions", J($$"""{"version":1,"productId":"{{product}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Contains("already exists", duplicate.Detail);
        Assert.Equal(HttpStatusCode.Conflict, await Post("versions", $$"""{"version":3,"productId":"{{MissingId}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, await Post("versions", $$"""{"version":3,"productId":"{{product}}","taskId":"{{MissingId}}"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("versions", $$"""{"productId":"{{product}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, await Post("representations", $$"""{"name":"EXR","versionId":"{{version}}","files":[]}"""));
        Assert.Equal(HttpStatusCode.Conflict, await Post("representations", $$"""{"name":"jpg","versionId":"{{MissingId}}","files":[]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("representations", $$"""{"name":"mov","versionId":"{{version}}","files":[{"path":"/a.mov"}]}"""));

        // Authors are not checked against the users; a negative number is the hero version.
        var hero = await Ayon.CreateAsync($"api/projects/{p}/versions", J($$"""{"version":-1,"productId":"{{product}}","author":"nobody-here"}"""));
        var h = (await Ayon.GetAsync($"api/projects/{p}/versions/{hero}")).Body!;
        Assert.Equal(("nobody-here", "/sh010/renderMain/HERO"), (h["author"]!.GetValue<string>(), h["path"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.GetAsync($"api/projects/{p}/versions/{MissingId}")).Status);
    }

    [Fact]
    public async Task Version_writes_emit_entity_version_events_with_the_sender_and_only_the_changed_attributes()
    {
        var sender = new Dictionary<string, string> { ["x-sender"] = "conf-pub.1", ["x-sender-type"] = "shotgrid" };
        var (p, sh, task, product, version, rep) = await PublishAsync("pubev", sender);

        var created = await PublishEventsAfterAsync(p, null, 5);
        Assert.Equal(["entity.folder.created", "entity.task.created", "entity.product.created", "entity.version.created", "entity.representation.created"],
            created.Select(Topic).ToArray());
        Assert.All(created, e => Assert.Equal("conf-pub.1", e["node"]!["sender"]?.GetValue<string>()));
        Assert.Equal([sh, product, version], created.Skip(2).Select(e => Summary(e)["parentId"]!.GetValue<string>()).ToArray());
        Assert.Equal([product, version, rep], created.Skip(2).Select(e => Summary(e)["entityId"]!.GetValue<string>()).ToArray());
        Assert.Equal("Version v001 created", created[3]["node"]!["description"]!.GetValue<string>());

        var patched = await Ayon.PatchAsync($"api/projects/{p}/versions/{version}", J("""{"status":"Approved","attrib":{"comment":"better","frameEnd":1060}}"""));
        Assert.Equal(HttpStatusCode.NoContent, patched.Status);
        var changes = await PublishEventsAfterAsync(p, created[^1]["cursor"]!.GetValue<string>(), 2);
        var status = changes.Single(e => Topic(e) == "entity.version.status_changed");
        Assert.Null(status["node"]!["sender"]?.GetValue<string>());
        Assert.Equal("/sh010/renderMain/v001", Summary(status)["entityPath"]!.GetValue<string>());
        Assert.Equal(product, Summary(status)["parentId"]!.GetValue<string>());
        Assert.Equal(("Pending review", "Approved"), (Payload(status)["oldValue"]!.GetValue<string>(), Payload(status)["newValue"]!.GetValue<string>()));
        var attrib = Payload(changes.Single(e => Topic(e) == "entity.version.attrib_changed"));
        Assert.Equal(("better", 1060, "first", 1050), (attrib["newValue"]!["comment"]!.GetValue<string>(), attrib["newValue"]!["frameEnd"]!.GetValue<int>(),
            attrib["oldValue"]!["comment"]!.GetValue<string>(), attrib["oldValue"]!["frameEnd"]!.GetValue<int>()));
        Assert.False(attrib["newValue"]!.AsObject().ContainsKey("frameStart"));

        var deleted = await Ayon.DeleteAsync($"api/projects/{p}/versions/{version}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        var gone = await PublishEventsAfterAsync(p, changes[^1]["cursor"]!.GetValue<string>(), 1);
        Assert.Equal("entity.version.deleted", Topic(gone[0]));
        Assert.Equal(1, Payload(gone[0])["entityData"]!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await Ayon.GetAsync($"api/projects/{p}/representations/{rep}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Ayon.GetAsync($"api/projects/{p}/tasks/{task}")).Status);
    }

    [Fact]
    public async Task GraphQl_reads_a_version_with_its_product_task_and_representation_files()
    {
        var (p, sh, task, product, version, _) = await PublishAsync("pubgql");

        var answer = await Ayon.GraphQlAsync("""
            query($p:String!, $ids:[String!]){ project(name:$p){
              versions(ids:$ids){ edges{ node{ id name version productId taskId author status allAttrib data
                product{ id name productType folderId } task{ id name taskType }
                representations{ edges{ node{ id name files{ path size hash } allAttrib } } } } } } } }
            """, new JsonObject { ["p"] = p, ["ids"] = new JsonArray(version) });

        var node = answer.Body!["data"]!["project"]!["versions"]!["edges"]![0]!["node"]!;
        Assert.Equal(("v001", 1, product, task, "service"),
            (node["name"]!.GetValue<string>(), node["version"]!.GetValue<int>(), node["productId"]!.GetValue<string>(), node["taskId"]!.GetValue<string>(), node["author"]!.GetValue<string>()));
        Assert.Equal("""{"comment":"first","frameEnd":1050,"frameStart":1001}""", node["allAttrib"]!.GetValue<string>());
        Assert.Null(node["data"]);
        Assert.Equal(("renderMain", "render", sh), (node["product"]!["name"]!.GetValue<string>(), node["product"]!["productType"]!.GetValue<string>(), node["product"]!["folderId"]!.GetValue<string>()));
        Assert.Equal(("comp", "Compositing"), (node["task"]!["name"]!.GetValue<string>(), node["task"]!["taskType"]!.GetValue<string>()));
        var rep = node["representations"]!["edges"]![0]!["node"]!;
        Assert.Equal(("exr", "/proj/sh010/render.%04d.exr", "100"),
            (rep["name"]!.GetValue<string>(), rep["files"]![0]!["path"]!.GetValue<string>(), rep["files"]![0]!["size"]!.GetValue<string>()));

        var list = await Ayon.GraphQlAsync("query($p:String!, $ids:[String!]){ project(name:$p){ products(ids:$ids){ edges{ node{ versionList{ id version } } } } } }",
            new JsonObject { ["p"] = p, ["ids"] = new JsonArray(product) });
        Assert.Equal(version, list.Body!["data"]!["project"]!["products"]!["edges"]![0]!["node"]!["versionList"]![0]!["id"]!.GetValue<string>());
    }

    private static JsonNode Payload(JsonNode edge) => JsonNode.Parse(edge["node"]!["payload"]!.GetValue<string>())!;

    /// <summary>The entity events of a project after <paramref name="after"/>, once at least <paramref name="count"/> are there.</summary>
    private async Task<List<JsonNode>> PublishEventsAfterAsync(string project, string? after, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var answer = await Ayon.GraphQlAsync("""
                query($projects:[String!], $topics:[String!], $after:String){
                  events(projects:$projects, topics:$topics, first:100, after:$after){
                    edges{ cursor node{ id topic sender summary payload description } } } }
                """, new JsonObject
            {
                ["projects"] = new JsonArray(project),
                ["topics"] = new JsonArray("entity.folder.*", "entity.task.*", "entity.product.*", "entity.version.*", "entity.representation.*"),
                ["after"] = after,
            });
            var edges = answer.Body?["data"]?["events"]?["edges"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
            if (edges.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(edges.Count >= count, $"expected {count} events after {after ?? "the start"}: {answer}");
                return edges;
            }

            await ticker.WaitForNextTickAsync();
        }
    }
}
