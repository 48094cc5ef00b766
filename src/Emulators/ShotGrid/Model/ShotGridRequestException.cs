using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// A request ShotGrid would refuse. The HTTP layer turns it into the errors envelope; store API callers see it directly.
/// </summary>
public sealed class ShotGridRequestException(int status, int? code, string title, string? detail = null, JsonNode? source = null)
    : Exception(title + (detail is null ? "" : " " + detail))
{
    public int Status { get; } = status;

    public int? Code { get; } = code;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public JsonNode? ErrorSource { get; } = source;

    public static ShotGridRequestException BadRequest(string title, JsonNode? source = null, int code = 103) => new(400, code, title, null, source);

    public static ShotGridRequestException UnknownType(string slug) => new(404, 103, "Not Found", $"Entity type '{slug}' does not exist.");
}
