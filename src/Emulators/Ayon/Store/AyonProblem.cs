using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// An AYON error: HTTP status, the operations endpoint's <c>errorCode</c> and a detail. Thrown inside the store so
/// REST routes and batch operations report the same failure the way the real server does for each.
/// </summary>
internal sealed class AyonProblem(int status, string detail, string? errorCode = null, JsonArray? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
    public string? ErrorCode { get; } = errorCode;

    /// <summary>Pydantic-style <c>[{loc,msg,type}]</c> for validation failures.</summary>
    public JsonArray? Errors { get; } = errors;

    public bool IsValidation => ErrorCode == "invalid_data";

    public static AyonProblem NotFound(string detail) => new(404, detail, "not-found");
    public static AyonProblem Forbidden(string detail = "forbidden") => new(403, detail, "forbidden");
    public static AyonProblem BadRequest(string detail) => new(400, detail, "bad-request");
    public static AyonProblem Conflict(string detail) => new(409, detail, "conflict");
    public static AyonProblem Unique(string detail) => new(409, detail, "unique-violation");
    public static AyonProblem ForeignKey(string detail) => new(409, detail, "foreign-key-violation");

    public static AyonProblem InvalidData(string model, string field, string message, string type = "value_error")
    {
        var errors = new JsonArray(new JsonObject
        {
            ["loc"] = new JsonArray(field),
            ["msg"] = message,
            ["type"] = type,
        });
        var detail = $"Invalid data provided: 1 validation error for {model}\n{field}\n  {message} (type={type})";
        return new AyonProblem(400, detail, "invalid_data", errors);
    }
}
