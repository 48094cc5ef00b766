using System.Text.Json.Nodes;
using AyonShotgrid.Tools.AyonConformance;

// Runs one scripted sequence of requests against an AYON server (real or emulated) and prints one normalised
// line per request, so two runs can be diffed. Usage: AyonConformance <baseUrl> (key from AYON_API_KEY).
var baseUrl = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("AYON_SERVER_URL");
var apiKey = Environment.GetEnvironmentVariable("AYON_API_KEY");
if (baseUrl is null || string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("usage: AYON_API_KEY=... AyonConformance <baseUrl>");
    return 2;
}

var run = Guid.NewGuid().ToString("N")[..8];
var p = $"conf{run}";
// uvicorn closes idle keep-alive connections after 5 s and can race a request sent at that moment; stay below it.
using var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) };
using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(20) };
var probe = new ConformanceProbe(http, apiKey, run);
var get = HttpMethod.Get;
var post = HttpMethod.Post;
var patch = HttpMethod.Patch;
var put = HttpMethod.Put;
static JsonNode J(string json) => JsonNode.Parse(json)!;
static string Id(JsonNode? n) => n?["id"]?.GetValue<string>() ?? "00000000000000000000000000000000";
static string Ops(JsonNode? n) => n?["operations"] is JsonArray ops
    ? $"success={n["success"]} ops=" + string.Join(",", ops.Select(o => $"{o!["status"]}/{o["success"]}/{o["errorCode"]?.ToString() ?? "-"}"))
    : ConformanceProbe.Detail(n);

await probe.SendAsync("info without auth", get, "api/info", key: null, show: _ => "");
await probe.SendAsync("me without auth", get, "api/users/me", key: null);
await probe.SendAsync("me with wrong key", get, "api/users/me", key: "wrong-key-0000");
await probe.SendAsync("me", get, "api/users/me", show: n => $"isService={n?["data"]?["isService"]}");
await probe.SendAsync("deploy", post, "api/projects", J($$$$"""{"name":"{{{{p}}}}","code":"c{{{{run}}}}"}"""));
await probe.SendAsync("deploy duplicate name", post, "api/projects", J($$$$"""{"name":"{{{{p.ToUpperInvariant()}}}}","code":"x{{{{run}}}}"}"""));
await probe.SendAsync("deploy invalid name", post, "api/projects", J($$$$"""{"name":"bad-{{{{run}}}}","code":"b{{{{run}}}}"}"""), show: _ => "");
await probe.SendAsync("get project upper-case", get, $"api/projects/{p.ToUpperInvariant()}",
    show: n => $"name={n?["name"]} folderTypes={n?["folderTypes"]?.AsArray().Count} attribKeys={ConformanceProbe.Keys(n?["attrib"])}");
await probe.SendAsync("get missing project", get, "api/projects/nope_missing");
await probe.SendAsync("attributes", get, "api/attributes",
    show: n => $"item={ConformanceProbe.Keys(n?["attributes"]?[0])} hasPriority={n?["attributes"]?.AsArray().Any(a => a?["name"]?.ToString() == "priority")}");
await probe.SendAsync("put attribute", put, $"api/attributes/conf{run}",
    J("""{"position":200,"scope":["folder","task"],"data":{"type":"string","title":"Conf","inherit":false}}"""));
await probe.SendAsync("restart required at once", get, "api/system/restartRequired", show: n => $"required={n?["required"]}");
var sq = await probe.SendAsync("create folder", post, $"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
await probe.SendAsync("duplicate folder other case", post, $"api/projects/{p}/folders", J("""{"name":"SQ01","folderType":"Sequence"}"""));
await probe.SendAsync("folder name with space", post, $"api/projects/{p}/folders", J("""{"name":"sq 02"}"""),
    show: n => $"errorType={n?["errors"]?[0]?["type"]} loc={n?["errors"]?[0]?["loc"]?.ToJsonString()}");
await probe.SendAsync("label with quote", post, $"api/projects/{p}/folders", J("""{"name":"sq03","label":"Bob's"}"""), show: _ => "");
await probe.SendAsync("unknown folder type", post, $"api/projects/{p}/folders", J("""{"name":"sq04","folderType":"Nope"}"""));
await probe.SendAsync("missing parent", post, $"api/projects/{p}/folders", J("""{"name":"sq05","parentId":"0123456789abcdef0123456789abcdef"}"""));
var sh = await probe.SendAsync("create child snake_case with attribs", post, $"api/projects/{p}/folders",
    J($$$$"""{"name":"sh010","folder_type":"Shot","parent_id":"{{{{Id(sq)}}}}","attrib":{"conf{{{{run}}}}":"x","frameStart":1100,"bogus":1}}"""));
await probe.SendAsync("get child", get, $"api/projects/{p}/folders/{Id(sh)}",
    show: n => $"path={n?["path"]} ownAttrib={n?["ownAttrib"]?.ToJsonString()} frameStart={n?["attrib"]?["frameStart"]} hasNew={n?["attrib"]?[$"conf{run}"] is not null}");
await probe.SendAsync("deactivate child", patch, $"api/projects/{p}/folders/{Id(sh)}", J("""{"active":false}"""));
await probe.SendAsync("same name beside inactive", post, $"api/projects/{p}/folders", J($$$$"""{"name":"SH010","folderType":"Shot","parentId":"{{{{Id(sq)}}}}"}"""));
await probe.SendAsync("reactivate clashes", patch, $"api/projects/{p}/folders/{Id(sh)}", J("""{"active":true}"""));
var task = await probe.SendAsync("create task", post, $"api/projects/{p}/tasks", J($$$$"""{"name":"comp","taskType":"Compositing","folderId":"{{{{Id(sq)}}}}"}"""));
await probe.SendAsync("duplicate task", post, $"api/projects/{p}/tasks", J($$$$"""{"name":"COMP","taskType":"Compositing","folderId":"{{{{Id(sq)}}}}"}"""));
await probe.SendAsync("task without type", post, $"api/projects/{p}/tasks", J($$$$"""{"name":"x","folderId":"{{{{Id(sq)}}}}"}"""), show: _ => "");
await probe.SendAsync("get task", get, $"api/projects/{p}/tasks/{Id(task)}", show: n => $"path={n?["path"]}");
await probe.SendAsync("get missing folder", get, $"api/projects/{p}/folders/0123456789abcdef0123456789abcdef");
await probe.SendAsync("get folder bad id", get, $"api/projects/{p}/folders/xyz", show: _ => "");
await probe.SendAsync("flat folder list", get, $"api/projects/{p}/folders",
    show: n => $"count={n?["folders"]?.AsArray().Count} item={ConformanceProbe.Keys(n?["folders"]?[0])} paths={string.Join(",", n?["folders"]?.AsArray().Select(f => f?["path"]?.ToString()) ?? [])}");
await probe.SendAsync("ops all-or-nothing", post, $"api/projects/{p}/operations", J("""
    {"operations":[{"type":"create","entityType":"folder","data":{"name":"a1"}},
                   {"type":"create","entityType":"folder","data":{"name":"A1"}},
                   {"type":"create","entityType":"folder","data":{"name":"a2"}}]}
    """), show: Ops);
await probe.SendAsync("ops can fail", post, $"api/projects/{p}/operations", J("""
    {"canFail":true,"operations":[{"type":"create","entityType":"folder","data":{"name":"b1"}},
                   {"type":"create","entityType":"folder","data":{"name":"b 2"}},
                   {"type":"create","entityType":"folder","data":{"name":"b3","status":"Nope"}},
                   {"type":"update","entityType":"folder","entityId":"0123456789abcdef0123456789abcdef","data":{"label":"x"}}]}
    """), show: Ops);
await probe.SendAsync("ops duplicate update", post, $"api/projects/{p}/operations", J($$$$"""
    {"operations":[{"type":"update","entityType":"folder","entityId":"{{{{Id(sq)}}}}","data":{"label":"x"}},
                   {"type":"delete","entityType":"folder","entityId":"{{{{Id(sq)}}}}"}]}
    """), show: Ops);
var fixedId = $"{run}{run}{run}{run}";
await probe.SendAsync("ops create with our id", post, $"api/projects/{p}/operations", J($$$$"""
    {"canFail":true,"operations":[{"type":"create","entityType":"folder","entityId":"{{{{fixedId}}}}","data":{"name":"c1"}}]}
    """), show: Ops);
await probe.SendAsync("ops create same id again", post, $"api/projects/{p}/operations", J($$$$"""
    {"canFail":true,"operations":[{"type":"create","entityType":"folder","entityId":"{{{{fixedId}}}}","data":{"name":"c2"}},
                   {"type":"create","entityType":"task","entityId":"{{{{Id(task)}}}}","data":{"name":"t9","taskType":"Compositing","folderId":"{{{{Id(sq)}}}}"}}]}
    """), show: n => $"{Ops(n)} detail0={n?["operations"]?[0]?["detail"]} detail1={n?["operations"]?[1]?["detail"]}");
await probe.SendAsync("graphql folders by ids", post, "graphql", new JsonObject
{
    ["query"] = "query($p:String!,$ids:[String!]){project(name:$p){folders(ids:$ids,first:500){edges{node{id}}}}}",
    ["variables"] = new JsonObject { ["p"] = p, ["ids"] = new JsonArray(fixedId, "0123456789abcdef0123456789abcdef") },
}, show: n => $"found={string.Join(",", n?["data"]?["project"]?["folders"]?["edges"]?.AsArray().Select(e => e?["node"]?["id"]?.ToString() == fixedId ? "ours" : "other") ?? [])} errors={n?["errors"]?.AsArray().Count ?? 0}");
await probe.SendAsync("graphql tasks by ids", post, "graphql", new JsonObject
{
    ["query"] = "query($p:String!,$ids:[String!]){project(name:$p){tasks(ids:$ids,first:500){edges{node{id}}}}}",
    ["variables"] = new JsonObject { ["p"] = p, ["ids"] = new JsonArray(Id(task)) },
}, show: n => $"count={n?["data"]?["project"]?["tasks"]?["edges"]?.AsArray().Count} errors={n?["errors"]?.AsArray().Count ?? 0}");
await probe.SendAsync("flat list after ops", get, $"api/projects/{p}/folders",
    show: n => $"names={string.Join(",", n?["folders"]?.AsArray().Select(f => f?["name"]?.ToString()).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string?>())}");
var ev = await probe.SendAsync("create event", post, "api/events", J($$$$"""{"topic":"conf.event","hash":"h{{{{run}}}}","summary":{"n":1}}"""));
await probe.SendAsync("duplicate event hash", post, "api/events", J($$$$"""{"topic":"conf.event","hash":"h{{{{run}}}}"}"""));
await probe.SendAsync("get event", get, $"api/events/{Id(ev)}", show: n => $"status={n?["status"]}");
await probe.SendAsync("patch event", patch, $"api/events/{Id(ev)}", J("""{"status":"failed","summary":{"m":2}}"""));
await probe.SendAsync("get missing event", get, "api/events/0123456789abcdef0123456789abcdef");
await probe.SendAsync("missing addon settings", get, "api/addons/nopeaddon/1.0.0/settings");
await probe.SendAsync("put secret", put, $"api/secrets/conf{run}", J("""{"value":"s3cret"}"""));
await probe.SendAsync("get secret", get, $"api/secrets/conf{run}", show: n => $"value={n?["value"]}");
await probe.SendAsync("graphql folders page", post, "graphql", new JsonObject
{
    ["query"] = "query($p:String!){project(name:$p){folders(first:2){pageInfo{hasNextPage endCursor} edges{node{id name path allAttrib data ownAttrib active}}}}}",
    ["variables"] = new JsonObject { ["p"] = p },
}, show: n =>
{
    var folders = n?["data"]?["project"]?["folders"];
    var node = folders?["edges"]?[0]?["node"];
    return $"hasNext={folders?["pageInfo"]?["hasNextPage"]} edges={folders?["edges"]?.AsArray().Count} path={node?["path"]} allAttribKind={node?["allAttrib"]?.GetValueKind()} data={node?["data"]?.ToString() ?? "null"}";
});
await probe.SendAsync("graphql missing project", post, "graphql", J("""{"query":"{project(name:\"nope_missing\"){name}}"}"""),
    show: n => $"data={n?["data"]?.ToJsonString() ?? "null"} error={n?["errors"]?[0]?["message"]}");
await probe.SendAsync("graphql unknown attribute", post, "graphql", new JsonObject
{
    ["query"] = "query($p:String!){project(name:$p){folders{edges{node{attrib{conf" + run + "}}}}}}",
    ["variables"] = new JsonObject { ["p"] = p },
},
    show: n => $"errors={n?["errors"]?.AsArray().Count > 0}");
await probe.SendAsync("graphql without auth", post, "graphql", J("""{"query":"{__typename}"}"""), key: null);
await probe.SendAsync("unknown endpoint", get, "api/nothing_here");
var uptimeBefore = await RestartWait.UptimeAsync(http.BaseAddress!) ?? double.MaxValue;
await probe.SendAsync("restart", post, "api/system/restart");
Console.WriteLine($"[--] new worker answering after restart: {await RestartWait.UntilRestartedAsync(http.BaseAddress!, uptimeBefore)}");
var late = await probe.SendAsync("create folder with new attribute after restart", post, $"api/projects/{p}/folders",
    J($$$$"""{"name":"late","attrib":{"conf{{{{run}}}}":"y"}}"""));
await probe.SendAsync("new attribute stored after restart", get, $"api/projects/{p}/folders/{Id(late)}",
    show: n => $"ownAttrib={n?["ownAttrib"]?.ToJsonString()}");
await probe.SendAsync("graphql typed attrib after restart", post, "graphql", new JsonObject
{
    ["query"] = "query($p:String!){project(name:$p){folders(names:[\"late\"]){edges{node{attrib{frameStart fps conf" + run + "}}}}}}",
    ["variables"] = new JsonObject { ["p"] = p },
}, show: n =>
{
    var attrib = n?["data"]?["project"]?["folders"]?["edges"]?[0]?["node"]?["attrib"];
    return $"errors={n?["errors"] is not null} frameStart={attrib?["frameStart"]} fps={attrib?["fps"]} new={attrib?[$"conf{run}"]}";
});
await probe.SendAsync("restart required after restart", get, "api/system/restartRequired", show: n => $"required={n?["required"]}");
await probe.SendAsync("delete folder with task", HttpMethod.Delete, $"api/projects/{p}/folders/{Id(sq)}");
await probe.SendAsync("deleted task gone", get, $"api/projects/{p}/tasks/{Id(task)}");
await probe.SendAsync("delete project", HttpMethod.Delete, $"api/projects/{p}");
return 0;
