using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators;

/// <summary>
/// Makes a loopback emulator answer as a distant server would: each answer is held back by a fixed time per request
/// plus a time per item it carries (records of a ShotGrid page, results of an AYON <c>/operations</c> batch), then
/// sent whole. The benchmark's <c>--profile cloud</c> uses it; off (zero) it adds nothing. The knobs are
/// <see cref="EmulatorLatency"/>.
/// </summary>
internal static class LatencyMiddleware
{
    /// <param name="perRequest">Held back on every answer.</param>
    /// <param name="perItem">Held back for each element of the answer's top-level <paramref name="itemsProperty"/> array.</param>
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next, TimeSpan perRequest, TimeSpan perItem, string itemsProperty)
    {
        if (perItem <= TimeSpan.Zero)
        {
            // Held before the endpoint runs: an endpoint that writes JSON flushes it to the client at once, so a hold
            // after it would not delay the answer at all.
            await HoldAsync(perRequest, http.RequestAborted);
            await next(http);
            return;
        }

        // The answer is written to a buffer so it can be counted, then sent after the wait: a real server finishes its
        // query before the first byte goes out.
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);

            // What the endpoint wrote through BodyWriter is still in the pipe's buffer until flushed into ours.
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        }
        finally
        {
            http.Response.Body = original;
        }

        await HoldAsync(perRequest + (perItem * CountItems(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), itemsProperty)), http.RequestAborted);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static Task HoldAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;

    /// <summary>Elements of the top-level array property (an object there counts as one); 0 when the answer is not JSON.</summary>
    internal static int CountItems(ReadOnlySpan<byte> json, string property)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(property))
                {
                    if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    continue;
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    return 1;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return 0;
                }

                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }

                return count;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a file, an error page): no items.
        }

        return 0;
    }
}
