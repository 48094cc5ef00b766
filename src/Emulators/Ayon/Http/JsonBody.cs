using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Reads a request body as a JSON object; anything else is a 400 validation error.</summary>
internal static class JsonBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            if (node is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
            // Reported below exactly like a body of the wrong type.
        }

        throw AyonProblem.InvalidData("body", "body", "value is not a valid dict", "type_error.dict");
    }
}
