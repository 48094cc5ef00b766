using System.Globalization;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient
{
    private const string VersionsByIdQuery = """
        query VersionsById($projectName: String!, $ids: [String!], $after: String) {
          project(name: $projectName) {
            versions(ids: $ids, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id version name taskId author status allAttrib
                product { name productType folderId }
                representations { edges { node { id name allAttrib files { path } } } } } }
            }
          }
        }
        """;

    public async Task<IReadOnlyList<AyonVersion>> GetVersionsByIdsAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var versions = new List<AyonVersion>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(AyonGraphQlQueries.PageSize))
        {
            versions.AddRange(await ReadConnectionAsync(VersionsByIdQuery, project, "versions", ToVersion, cancellationToken, new JsonArray([.. chunk.Select(id => JsonValue.Create(id))])));
        }

        return versions;
    }

    /// <summary>The same query without ids: GraphQL's <c>versions(ids: null)</c> lists them all, page by page.</summary>
    public async Task<IReadOnlyList<AyonVersion>> GetAllVersionsAsync(string project, CancellationToken cancellationToken) =>
        await ReadConnectionAsync(VersionsByIdQuery, project, "versions", ToVersion, cancellationToken);

    private static AyonVersion ToVersion(JsonObject n)
    {
        var product = n["product"];
        var representations = (n["representations"]?["edges"] as JsonArray ?? [])
            .Select(e => e?["node"]).OfType<JsonObject>()
            .Select(r => new AyonRepresentation(
                Text(r["id"]) ?? "", Text(r["name"]) ?? "",
                AyonAttribValues.Parse(Text(r["allAttrib"])).GetValueOrDefault("path") is { Length: > 0 } path
                    ? path
                    : Text((r["files"] as JsonArray)?.FirstOrDefault()?["path"])))
            .ToList();
        var number = n["version"] is JsonValue v && v.TryGetValue<int>(out var parsed) ? parsed : 0;
        return new AyonVersion(
            Text(n["id"]) ?? "", number, Text(n["name"]) ?? number.ToString("'v'000", CultureInfo.InvariantCulture),
            Text(product?["name"]) ?? "", Text(product?["productType"]) ?? "", Text(product?["folderId"]) ?? "",
            Text(n["taskId"]), Text(n["author"]), Text(n["status"]), AyonAttribValues.Parse(Text(n["allAttrib"])), representations);
    }
}
