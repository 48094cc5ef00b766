using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>Body of <c>POST /entity/{slug}/_search</c> in the hash-filter form. Everything goes in the body, as the official Ruby client does.</summary>
internal static class ShotGridSearchBody
{
    public const string ContentType = "application/vnd+shotgun.api3_hash+json";

    public static JsonObject Build(SgFilter filter, IReadOnlyList<string> fields, string? sort, int pageNumber, int pageSize, bool retiredOnly)
    {
        var body = new JsonObject
        {
            ["filters"] = filter.ToJson(),
            ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
            ["page"] = new JsonObject { ["size"] = pageSize, ["number"] = pageNumber },
            ["options"] = new JsonObject
            {
                ["return_only"] = retiredOnly ? "retired" : "active",
                // Archived projects still hold live work the sync has to see; ShotGrid's Python API defaults to true too.
                ["include_archived_projects"] = true,
            },
        };
        if (!string.IsNullOrWhiteSpace(sort))
        {
            body["sort"] = sort;
        }

        return body;
    }
}
