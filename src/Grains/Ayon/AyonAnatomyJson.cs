using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// Anatomy items on the wire. The item keys are the settings models' Python field names
/// (<c>name, shortName, color, icon, state, scope</c>) in both the deploy anatomy and project PATCH/GET;
/// only the list keys differ (<c>folder_types</c> in anatomy, <c>folderTypes</c> in the REST project model).
/// </summary>
internal static class AyonAnatomyJson
{
    public static JsonArray Write(IEnumerable<AyonFolderType> types) =>
        new(types.Select(t => (JsonNode?)Item(t.Name, t.ShortName, t.Color, t.Icon)).ToArray());

    public static JsonArray Write(IEnumerable<AyonTaskType> types) =>
        new(types.Select(t => (JsonNode?)Item(t.Name, t.ShortName, t.Color, t.Icon)).ToArray());

    public static JsonArray Write(IEnumerable<AyonStatus> statuses) => new(statuses.Select(s =>
    {
        var item = Item(s.Name, s.ShortName, s.Color, s.Icon);
        item["state"] = s.State;
        if (s.Scope is not null)
        {
            item["scope"] = new JsonArray(s.Scope.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
        }

        return (JsonNode?)item;
    }).ToArray());

    public static List<AyonFolderType> ReadFolderTypes(JsonNode? list) =>
        Items(list).Select(i => new AyonFolderType(Str(i, "name") ?? "", Str(i, "shortName") ?? "", Str(i, "color"), Str(i, "icon"))).ToList();

    public static List<AyonTaskType> ReadTaskTypes(JsonNode? list) =>
        Items(list).Select(i => new AyonTaskType(Str(i, "name") ?? "", Str(i, "shortName") ?? "", Str(i, "color"), Str(i, "icon"))).ToList();

    public static List<AyonStatus> ReadStatuses(JsonNode? list) => Items(list).Select(i => new AyonStatus(
        Str(i, "name") ?? "",
        Str(i, "shortName") ?? "",
        Str(i, "state") ?? "not_started",
        Str(i, "color"),
        Str(i, "icon"),
        i["scope"] is JsonArray scope ? scope.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var x) ? x : null).OfType<string>().ToList() : null)).ToList();

    // Unset colour/icon are left out so AYON fills in its defaults rather than storing nulls.
    private static JsonObject Item(string name, string shortName, string? color, string? icon)
    {
        var item = new JsonObject { ["name"] = name, ["shortName"] = shortName };
        if (color is not null)
        {
            item["color"] = color;
        }

        if (icon is not null)
        {
            item["icon"] = icon;
        }

        return item;
    }

    private static IEnumerable<JsonObject> Items(JsonNode? list) => list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string? Str(JsonObject item, string key) =>
        item[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
