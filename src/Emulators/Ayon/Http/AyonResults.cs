using System.Text;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Responses in AYON's shapes: JSON bodies and <c>{"code","detail"}</c> errors.</summary>
internal static class AyonResults
{
    public static IResult Json(JsonNode? body, int status = StatusCodes.Status200OK) =>
        Results.Text(body?.ToJsonString(JsonFields.Wire) ?? "null", "application/json", Encoding.UTF8, status);

    public static IResult Error(int status, string detail) =>
        Json(new JsonObject { ["code"] = status, ["detail"] = detail }, status);

    /// <summary>201 with a null body, as project creation answers.</summary>
    public static IResult CreatedNull() => Json(null, StatusCodes.Status201Created);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);

    /// <summary>Validation failures look like FastAPI's request validation error; everything else is code+detail.</summary>
    public static JsonObject ProblemBody(HttpContext http, AyonProblem problem)
    {
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // Unhandled server errors carry "status" instead of "code".
            return new JsonObject { ["status"] = 500, ["detail"] = problem.Detail, ["traceback"] = problem.Detail };
        }

        if (!problem.IsValidation)
        {
            return new JsonObject { ["code"] = problem.Status, ["detail"] = problem.Detail };
        }

        var path = http.Request.Path.Value ?? "";
        var errors = new JsonArray();
        var traceback = new StringBuilder();
        foreach (var error in problem.Errors ?? [])
        {
            var item = (JsonObject)error!.DeepClone();
            var loc = new JsonArray("body");
            foreach (var part in item["loc"]?.AsArray() ?? [])
            {
                loc.Add(part?.DeepClone());
            }

            item["loc"] = loc;
            errors.Add(item);
            traceback.Append(string.Join('.', loc.Skip(1))).Append(": ").Append(item["msg"]).Append('\n');
        }

        return new JsonObject
        {
            ["code"] = 400,
            ["detail"] = $"Request validation error in [{http.Request.Method}] {path}",
            ["path"] = path,
            ["traceback"] = traceback.ToString().TrimEnd('\n'),
            ["errors"] = errors,
        };
    }
}
