using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// A <c>url</c> field (PublishedFile.path) takes a hash, never a bare string: <c>{"local_path": ...}</c> reads back as a
/// <c>local</c> link with the per-platform paths, <c>{"url": ...}</c> as a <c>web</c> link (sg-groundtruth
/// entity_types/PublishedFile). The emulator has no LocalStorage rows, so a local path is not split into storage and
/// relative path: every platform reads the path as written.
/// </summary>
internal static class UrlValue
{
    public static JsonObject FromWrite(JsonObject written)
    {
        if (written["local_path"] is JsonValue local && local.TryGetValue<string>(out var path))
        {
            return new JsonObject
            {
                ["link_type"] = "local", ["name"] = written["name"]?.DeepClone() ?? Path.GetFileName(path), ["content_type"] = null,
                ["local_storage"] = null, ["relative_path"] = null, ["local_path"] = path,
                ["local_path_linux"] = path, ["local_path_mac"] = path, ["local_path_windows"] = null,
            };
        }

        var web = (JsonObject)written.DeepClone();
        web["link_type"] ??= "web";
        return web;
    }
}
