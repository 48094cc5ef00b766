using System.Net;
using System.Text.Json.Nodes;
using AyonShotgrid.Conformance;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>A folder or task as AYON's API lists it, with its ShotGrid link attributes.</summary>
public sealed record AyonEntity(string Id, string Name, string? Label, string Type, string? ParentId, string? SgType, string? SgId);

/// <summary>Reads a project's folders and tasks back through AYON's own API (REST flat list and GraphQL), as any client would.</summary>
public static class AyonReadBack
{
    public static async Task<IReadOnlyList<AyonEntity>> FoldersAsync(AyonCalls ayon, string project)
    {
        var answer = await ayon.GetAsync($"api/projects/{project}/folders?attrib=true");
        Assert.True(answer.Status == HttpStatusCode.OK, $"folders of {project}: {answer}");
        return [.. answer.Body!["folders"]!.AsArray().Select(f => new AyonEntity(
            f!["id"]!.GetValue<string>(), f["name"]!.GetValue<string>(), f["label"]?.GetValue<string>(), f["folderType"]!.GetValue<string>(),
            f["parentId"]?.GetValue<string>(), f["attrib"]?["shotgridType"]?.GetValue<string>(), f["attrib"]?["shotgridId"]?.GetValue<string>()))];
    }

    public static async Task<IReadOnlyList<AyonEntity>> TasksAsync(AyonCalls ayon, string project)
    {
        var tasks = new List<AyonEntity>();
        string? after = null;
        while (true)
        {
            var answer = await ayon.GraphQlAsync(
                "query($p:String!,$after:String){project(name:$p){tasks(first:100,after:$after){pageInfo{hasNextPage endCursor} edges{node{id name label taskType folderId allAttrib}}}}}",
                new JsonObject { ["p"] = project, ["after"] = after });
            var connection = answer.Body?["data"]?["project"]?["tasks"] ?? throw new InvalidOperationException($"tasks of {project}: {answer}");
            foreach (var node in connection["edges"]!.AsArray().Select(e => e!["node"]!))
            {
                var attrib = JsonNode.Parse(node["allAttrib"]!.GetValue<string>())!;
                tasks.Add(new AyonEntity(node["id"]!.GetValue<string>(), node["name"]!.GetValue<string>(), node["label"]?.GetValue<string>(),
                    node["taskType"]!.GetValue<string>(), node["folderId"]!.GetValue<string>(),
                    attrib["shotgridType"]?.GetValue<string>(), attrib["shotgridId"]?.GetValue<string>()));
            }

            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return tasks;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    public static AyonEntity Linked(this IEnumerable<AyonEntity> entities, string sgType, long sgId) =>
        entities.Single(e => e.SgType == sgType && e.SgId == sgId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
