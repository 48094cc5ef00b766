using System.Net;
using System.Text.Json;
using AyonShotgrid.Grains.Http;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>Turns ShotGrid's <c>{"errors":[{"status","code","title","detail"}]}</c> envelope into a <see cref="ShotGridException"/>.</summary>
internal static class ShotGridErrors
{
    public static ShotGridException FromResponse(string method, string path, int status, string body, params string?[] secrets)
    {
        var (reason, code) = ReadEnvelope(body);
        var message = $"ShotGrid {method} {path} failed with HTTP {status}: {reason ?? DefaultReason(status)}";
        return new ShotGridException(SecretRedactor.Redact(message, secrets), (HttpStatusCode)status, code);
    }

    private static (string? Reason, int? Code) ReadEnvelope(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return (null, null);
            }

            int? code = null;
            var reasons = new List<string>();
            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                code ??= error.TryGetProperty("code", out var c) && c.TryInt32(out var n) ? n : null;
                var parts = new[] { Text(error, "title"), Text(error, "detail") }.Where(t => !string.IsNullOrWhiteSpace(t));
                reasons.Add(string.Join(": ", parts));
            }

            var reason = string.Join("; ", reasons.Where(r => r.Length > 0));
            return (reason.Length > 0 ? reason : null, code);
        }
        catch (JsonException)
        {
            // 403 from a blocked site is an HTML page: not worth quoting.
            return (null, null);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string DefaultReason(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "unexpected answer";
}
