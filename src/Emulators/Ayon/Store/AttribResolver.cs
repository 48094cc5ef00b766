using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Merged attribute values as GET shows them: own value, else (for inheritable attributes) the nearest ancestor's,
/// else the project's. Unset attributes are left out, as the real server leaves them out.
/// </summary>
internal static class AttribResolver
{
    public static JsonObject Resolve(ProjectState project, AttributeRegistry attributes, string scope, JsonObject own, string? parentFolderId)
    {
        var merged = new JsonObject();
        // Each ancestor's attributes read once: a stored row parses its JSON text on every read.
        List<JsonObject>? ancestors = null;
        foreach (var attribute in attributes.ActiveInScope(scope))
        {
            var value = own[attribute.Name];
            if (value is null && attribute.Inherit)
            {
                ancestors ??= project.Ancestors(parentFolderId).Select(a => a.Attrib).ToList();
                value = ancestors.Select(a => a[attribute.Name]).FirstOrDefault(v => v is not null)
                    ?? project.Attrib[attribute.Name];
            }

            if (value is not null)
            {
                merged[attribute.Name] = value.DeepClone();
            }
        }

        return merged;
    }
}
