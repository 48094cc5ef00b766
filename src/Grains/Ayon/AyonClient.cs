using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AyonShotgrid.Grains.Http;
using AyonShotgrid.Grains.Options;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// AYON REST/GraphQL client shared by every grain of a silo. Retried: reads, GraphQL, PUT/PATCH, <c>/operations</c>
/// (the sync chooses entity ids, so a repeated batch converges) and events (deduplicated by hash).
/// Not retried: project creation and the restart request.
/// </summary>
public sealed partial class AyonClient : IAyonClient, IDisposable
{
    private readonly AyonOptions _options;
    private readonly TimeProvider _time;
    private readonly RetryingHttpCaller _http;
    private readonly string _sender;

    public AyonClient(IOptions<AyonOptions> options, ILogger<AyonClient> logger, TimeProvider? timeProvider = null)
    {
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _sender = SenderName(Environment.MachineName);
        _http = new RetryingHttpCaller(
            new HttpCallerSettings("AYON", _options.Url, _options.RequestTimeout, _options.MaxAttempts, _time, _options.CircuitBreakDuration),
            logger,
            (message, inner) => new AyonException(SecretRedactor.Redact(message, _options.ApiKey), inner: inner));
    }

    public async Task<AyonProject?> GetProjectAsync(string name, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/api/projects/{Segment(name)}", null, retry: true, cancellationToken);
        if (answer.Status == 404)
        {
            return null;
        }

        var project = answer.EnsureSuccess(_options.ApiKey).Json() as JsonObject
            ?? throw new AyonException($"AYON GET /api/projects/{name} answered with something that is not a project.");
        return new AyonProject(
            Text(project["name"]) ?? name,
            Text(project["code"]) ?? "",
            AyonAnatomyJson.ReadFolderTypes(project["folderTypes"]),
            AyonAnatomyJson.ReadTaskTypes(project["taskTypes"]),
            AyonAnatomyJson.ReadStatuses(project["statuses"]),
            project["attrib"] is JsonObject attrib ? attrib.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal) : [],
            project["data"] is JsonObject data ? (JsonObject)data.DeepClone() : []);
    }

    public async Task<IReadOnlyList<string>> ListProjectNamesAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, "/api/projects", null, retry: true, cancellationToken);
        return answer.EnsureSuccess(_options.ApiKey).Json()?["projects"] is JsonArray projects
            ? projects.OfType<JsonObject>().Select(p => Text(p["name"])).OfType<string>().ToList()
            : [];
    }

    public async Task CreateProjectAsync(AyonProjectCreate project, CancellationToken cancellationToken)
    {
        var anatomy = new JsonObject();
        // Empty lists are left out so AYON's defaults apply: a project needs at least one of each.
        if (project.FolderTypes.Count > 0)
        {
            anatomy["folder_types"] = AyonAnatomyJson.Write(project.FolderTypes);
        }

        if (project.TaskTypes.Count > 0)
        {
            anatomy["task_types"] = AyonAnatomyJson.Write(project.TaskTypes);
        }

        if (project.Statuses.Count > 0)
        {
            anatomy["statuses"] = AyonAnatomyJson.Write(project.Statuses);
        }

        var body = new JsonObject { ["name"] = project.Name, ["code"] = project.Code, ["library"] = false, ["anatomy"] = anatomy };
        if (project.Label is not null)
        {
            body["label"] = project.Label;
        }

        // Not retried: a create whose answer was lost would come back as 409 and hide the success.
        (await SendAsync(HttpMethod.Post, "/api/projects", body, retry: false, cancellationToken)).EnsureSuccess(_options.ApiKey);

        // Deploy only knows the anatomy's own attribute model and drops other keys (shotgridId, …): set them afterwards.
        var attrib = project.Attrib.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value);
        if (attrib.Count > 0)
        {
            await PatchProjectAsync(project.Name, new AyonProjectPatch(Attrib: attrib), cancellationToken);
        }
    }

    public async Task PatchProjectAsync(string name, AyonProjectPatch patch, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (patch.FolderTypes is not null)
        {
            body["folderTypes"] = AyonAnatomyJson.Write(patch.FolderTypes);
        }

        if (patch.TaskTypes is not null)
        {
            body["taskTypes"] = AyonAnatomyJson.Write(patch.TaskTypes);
        }

        if (patch.Statuses is not null)
        {
            body["statuses"] = AyonAnatomyJson.Write(patch.Statuses);
        }

        if (patch.Attrib is not null)
        {
            // A null value is sent on purpose: AYON deletes that key.
            body["attrib"] = new JsonObject(patch.Attrib.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)(a.Value is null ? null : JsonValue.Create(a.Value)))));
        }

        if (patch.Data is not null)
        {
            body["data"] = patch.Data.DeepClone();
        }

        (await SendAsync(HttpMethod.Patch, $"/api/projects/{Segment(name)}", body, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
    }

    public void Dispose() => _http.Dispose();

    private async Task<AyonAnswer> SendAsync(
        HttpMethod method, string path, JsonNode? body, bool retry, CancellationToken cancellationToken,
        Action<IFlurlRequest>? query = null, TimeSpan? timeout = null, bool probe = false)
    {
        // UTF-8 bytes straight from the tree: a string first would hold a 250-operation batch twice (UTF-16, then encoded).
        var json = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body);
        using var response = await _http.SendAsync(
            method,
            path,
            (request, ct) =>
            {
                query?.Invoke(request);
                return request
                    .WithHeader("x-api-key", _options.ApiKey)
                    .WithHeader("x-sender", _sender)
                    .WithHeader("x-sender-type", _options.SenderType)
                    .WithHeader("Accept", "application/json")
                    .SendAsync(method, json is null ? null : JsonContent(json), cancellationToken: ct);
            },
            retry,
            cancellationToken,
            timeout,
            probe);
        return new AyonAnswer(method.Method, path, response.StatusCode, await response.GetStringAsync());
    }

    private static ByteArrayContent JsonContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Start of every x-sender this cluster sends: events carrying it are its own writes (see Push/PushEcho).</summary>
    public const string SenderPrefix = "ayonsg.";

    /// <summary>AYON replaces an x-sender that is not a valid name with its default, which would hide who wrote.</summary>
    internal static string SenderName(string machineName)
    {
        var cleaned = InvalidNameChars().Replace(machineName, "_").Trim('_', '.', '-');
        return SenderPrefix + (cleaned.Length > 0 ? cleaned : "ayon_shotgrid");
    }

    [GeneratedRegex("[^a-zA-Z0-9_.-]")]
    private static partial Regex InvalidNameChars();

    /// <summary>One answer, read completely (so the response can be disposed before it is interpreted).</summary>
    private sealed record AyonAnswer(string Method, string Path, int Status, string Body)
    {
        public bool IsSuccess => Status is >= 200 and <= 299;

        public AyonAnswer EnsureSuccess(string apiKey) =>
            IsSuccess ? this : throw AyonErrors.FromResponse(Method, Path, Status, Body, apiKey);

        public JsonNode? Json()
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(Body);
            }
            catch (JsonException ex)
            {
                throw new AyonException($"AYON {Method} {Path} answered HTTP {Status} with a body that is not JSON.", (System.Net.HttpStatusCode)Status, ex);
            }
        }
    }
}
