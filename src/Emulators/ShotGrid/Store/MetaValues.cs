using System.Globalization;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>How stored values appear inside EventLogEntry.meta (dates as "yyyy-MM-dd HH:mm:ss UTC", links as hashes).</summary>
internal static class MetaValues
{
    public static string FormatDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static JsonObject Link(EntityLink link, string? name) => new() { ["type"] = link.Type, ["id"] = link.Id, ["name"] = name };

    public static JsonNode? ToNode(object? value, Func<EntityLink, string?> nameOf) => value switch
    {
        null => null,
        EntityLink l => Link(l, nameOf(l)),
        List<EntityLink> list => new JsonArray(list.Select(l => (JsonNode?)Link(l, nameOf(l))).ToArray()),
        DateTimeOffset d => FormatDate(d),
        JsonNode n => n.DeepClone(),
        string s => s,
        long n => n,
        double d => d,
        bool b => b,
        _ => value.ToString(),
    };
}
