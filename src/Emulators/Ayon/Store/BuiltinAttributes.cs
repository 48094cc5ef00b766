using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The built-in attributes a fresh AYON 1.15 server lists (names, scopes, types and defaults as measured).</summary>
internal static class BuiltinAttributes
{
    private static readonly string[] Scene = ["project", "folder", "version", "representation", "task"];

    public static IEnumerable<AttributeDefinition> Create()
    {
        var position = 0;
        AttributeDefinition Make(string name, string[] scope, string type, string title, JsonNode? @default = null, bool inherit = true)
        {
            var data = new JsonObject { ["type"] = type, ["title"] = title, ["inherit"] = inherit };
            if (@default is not null)
            {
                data["default"] = type == "float" ? JsonFields.FloatValue(@default) : @default;
            }

            return new AttributeDefinition(name, position++, scope, true, data);
        }

        var priority = Make("priority", ["project", "folder", "task"], "string", "Priority", "normal");
        priority.Data["enum"] = new JsonArray(
            new[] { "urgent", "high", "normal", "low" }
                .Select(v => (JsonNode?)new JsonObject { ["value"] = v, ["label"] = char.ToUpperInvariant(v[0]) + v[1..] })
                .ToArray());
        yield return priority;
        yield return Make("fps", Scene, "float", "FPS", 25);
        yield return Make("resolutionWidth", Scene, "integer", "Width", 1920);
        yield return Make("resolutionHeight", Scene, "integer", "Height", 1080);
        yield return Make("pixelAspect", Scene, "float", "Pixel aspect", 1.0);
        yield return Make("clipIn", Scene, "integer", "Clip In", 1);
        yield return Make("clipOut", Scene, "integer", "Clip Out", 1);
        yield return Make("frameStart", Scene, "integer", "Start frame", 1001);
        yield return Make("frameEnd", Scene, "integer", "End frame", 1001);
        yield return Make("handleStart", Scene, "integer", "Handle start", 0);
        yield return Make("handleEnd", Scene, "integer", "Handle end", 0);
        yield return Make("fullName", ["user"], "string", "Full name");
        yield return Make("email", ["user"], "string", "E-Mail");
        yield return Make("avatarUrl", ["user"], "string", "Avatar URL");
        yield return Make("developerMode", ["user"], "boolean", "Developer mode");
        yield return Make("productGroup", ["product"], "string", "Product group");
        yield return Make("intent", ["version"], "string", "Intent");
        yield return Make("machine", ["version"], "string", "Machine");
        yield return Make("source", ["version"], "string", "Source");
        yield return Make("comment", ["version"], "string", "Comment");
        yield return Make("site", ["version"], "string", "Site");
        yield return Make("families", ["version"], "list_of_strings", "Families");
        yield return Make("colorSpace", ["version"], "string", "Color space");
        yield return Make("path", ["representation"], "string", "Path");
        yield return Make("template", ["representation"], "string", "Template");
        yield return Make("extension", ["representation", "workfile"], "string", "File extension");
        yield return Make("startDate", ["project", "folder", "task"], "datetime", "Start date");
        yield return Make("endDate", ["project", "folder", "task"], "datetime", "End date");
        yield return Make("description", ["project", "folder", "task", "product", "version", "representation", "workfile"],
            "string", "Description", inherit: false);
        yield return Make("entityListCategory", ["list"], "string", "List category", inherit: false);
    }
}
