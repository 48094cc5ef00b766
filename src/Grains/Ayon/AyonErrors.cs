using System.Net;
using System.Text.Json;
using AyonShotgrid.Grains.Http;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>Turns AYON's <c>{"code","detail"}</c> error body into an <see cref="AyonException"/>.</summary>
internal static class AyonErrors
{
    public static AyonException FromResponse(string method, string path, int status, string body, string? apiKey)
    {
        var detail = ReadDetail(body) ?? (Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "unexpected answer");
        return new AyonException(SecretRedactor.Redact($"AYON {method} {path} failed with HTTP {status}: {detail}", apiKey), (HttpStatusCode)status);
    }

    private static string? ReadDetail(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("detail", out var detail)
                ? detail.ValueKind == JsonValueKind.String ? detail.GetString() : detail.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
