using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// <c>POST /api/v1/schema/{type}/fields</c> <c>{"data_type": "text", "properties": [{"property_name": "name", "value": "Ayon ID"}]}</c>:
/// 201 with the new field's schema record. ShotGrid names the field itself: <c>sg_</c> + the display name in lower snake case.
/// </summary>
internal static partial class SchemaFieldCreateEndpoint
{
    private static readonly string[] DataTypes = ["text", "number", "float", "checkbox", "date", "date_time", "list", "entity", "multi_entity"];

    public static async Task Post(HttpContext ctx, EmulatorServices s, string type)
    {
        var def = s.Store.Schema.ByType(type) ?? throw ShotGridRequestException.UnknownType(type);
        var body = await Responses.ReadBody(ctx) as JsonObject ?? throw ShotGridRequestException.BadRequest("Invalid JSON body.");
        var dataType = (body["data_type"] as JsonValue)?.TryGetValue<string>(out var dt) == true ? dt : null;
        if (dataType is null || !DataTypes.Contains(dataType))
        {
            throw ShotGridRequestException.BadRequest($"data_type must be one of: {string.Join(", ", DataTypes)}");
        }

        var displayName = (body["properties"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(p => (p["property_name"] as JsonValue)?.GetValue<string>() == "name")?["value"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw ShotGridRequestException.BadRequest("properties must include the name of the field");
        }

        var field = new FieldDef("sg_" + NonWord().Replace(displayName.Trim().ToLowerInvariant(), "_").Trim('_'), displayName, dataType);
        if (!s.Store.AddField(def, field))
        {
            throw ShotGridRequestException.BadRequest($"A field named '{field.Name}' already exists on {def.Type}.");
        }

        var record = s.Store.Locked(() => SchemaEndpoints.FieldRecord(def, field));
        await Responses.Json(ctx, 201, new JsonObject { ["data"] = record, ["links"] = new JsonObject { ["self"] = $"/api/v1/schema/{def.Type}/fields/{field.Name}" } });
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
