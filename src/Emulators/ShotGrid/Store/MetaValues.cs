using System.Globalization;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>How stored values appear inside EventLogEntry.meta (dates as "yyyy-MM-dd HH:mm:ss UTC", links as hashes).</summary>
internal static class MetaValues
{
    public static string FormatDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// An entity inside meta carries the target's status and uuid besides type, id and name (sg-groundtruth 090,
    /// field_types/serializable); the value of a single-entity field also says <c>valid</c> (sgcache's back-reference row).
    /// </summary>
    public static JsonObject Link(EntityLink link, string? name, string? status, Guid? uuid, bool withValid)
    {
        var node = new JsonObject
        {
            ["type"] = link.Type, ["id"] = link.Id, ["name"] = name, ["status"] = status, ["uuid"] = uuid?.ToString(),
        };
        if (withValid)
        {
            node["valid"] = "valid";
        }

        return node;
    }

    public static JsonNode? ToNode(object? value, Func<EntityLink, bool, JsonObject> link) => value switch
    {
        null => null,
        EntityLink l => link(l, true),
        List<EntityLink> list => new JsonArray(list.Select(l => (JsonNode?)link(l, false)).ToArray()),
        DateTimeOffset d => FormatDate(d),
        JsonNode n => n.DeepClone(),
        string s => s,
        long n => n,
        double d => d,
        bool b => b,
        _ => value.ToString(),
    };
}
