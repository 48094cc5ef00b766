using System.Text.Json.Nodes;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Typed <c>attrib { … }</c>: one field per active attribute of the scope, fixed when the schema is built. As on the
/// real server, naming an attribute that is not active (yet) is a validation error.
/// </summary>
internal abstract class AttribGraphType : ObjectGraphType<JsonObject>
{
    protected AttribGraphType(string name, IEnumerable<AttributeDefinition> attributes)
    {
        Name = name;
        foreach (var attribute in attributes)
        {
            var attributeName = attribute.Name;
            AddField(new FieldType
            {
                Name = attributeName,
                ResolvedType = GraphTypeOf(attribute.Type),
                Resolver = new FuncFieldResolver<JsonObject, object?>(c => Value(attribute.Type, c.Source?[attributeName])),
            });
        }
    }

    private static IGraphType GraphTypeOf(string type) => type switch
    {
        "integer" => new LongGraphType(),
        "float" => new PythonFloatGraphType(),
        "boolean" => new BooleanGraphType(),
        "list_of_strings" => new ListGraphType(new StringGraphType()),
        _ => new StringGraphType(),
    };

    private static object? Value(string type, JsonNode? node) => type switch
    {
        "integer" or "boolean" or "list_of_strings" => node is JsonArray a ? a.Select(JsonFields.ToClr).ToList() : JsonFields.ToClr(node),
        // decimal keeps the stored scale, so 25.0 is written as 25.0 like the real server does.
        "float" => node is null ? null : decimal.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        "string" or "datetime" => JsonFields.ToClr(node),
        _ => node?.ToJsonString(JsonFields.Wire),
    };
}

internal sealed class FolderAttribGraphType(IEnumerable<AttributeDefinition> attributes)
    : AttribGraphType("FolderAttribType", attributes);

internal sealed class TaskAttribGraphType(IEnumerable<AttributeDefinition> attributes)
    : AttribGraphType("TaskAttribType", attributes);
