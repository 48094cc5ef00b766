using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Benchmarks;

/// <summary>One request as an emulator received it: enough to send it again bare.</summary>
public sealed record RecordedRequest(long Sequence, string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string Kind);

/// <summary>
/// Taps an emulator's pipeline: counts requests by kind (method + path with ids and project names folded) and, while
/// <see cref="Recording"/> is on, keeps each request whole so the request floor can replay it.
/// </summary>
public sealed partial class RequestLog
{
    private static readonly string[] KeptHeaders = ["Authorization", "x-api-key", "Content-Type", "Accept", "x-sender", "x-sender-type"];
    private static long _sequence;

    private readonly ConcurrentQueue<RecordedRequest> _recorded = new();
    private readonly ConcurrentDictionary<string, int> _kinds = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    public IReadOnlyList<RecordedRequest> Recorded => [.. _recorded];

    public IReadOnlyDictionary<string, int> Kinds => new SortedDictionary<string, int>(_kinds, StringComparer.Ordinal);

    /// <summary>Starts a new measurement window: kind counts and recorded requests are cleared.</summary>
    public void Reset(bool record)
    {
        _recorded.Clear();
        _kinds.Clear();
        Recording = record;
    }

    public async Task TapAsync(HttpContext http)
    {
        var request = http.Request;
        var kind = KindOf(request.Method, request.Path.Value ?? "");
        _kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (!Recording)
        {
            return;
        }

        byte[] body = [];
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            request.EnableBuffering();
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, http.RequestAborted);
            request.Body.Position = 0;
            body = copy.ToArray();
        }

        var headers = KeptHeaders
            .Where(h => request.Headers.ContainsKey(h))
            .Select(h => KeyValuePair.Create(h, request.Headers[h].ToString()))
            .ToList();
        _recorded.Enqueue(new RecordedRequest(Interlocked.Increment(ref _sequence), request.Method, request.Path.Value + request.QueryString.Value, headers, body, kind));
    }

    /// <summary>"POST /api/projects/{project}/operations", "POST /api/v1/entity/shots/_search", "GET /api/v1/entity/projects/{id}", "POST /api/projects/{project}/folder/{id}/activities".</summary>
    public static string KindOf(string method, string path)
    {
        var folded = ProjectSegment().Replace(path, "/api/projects/{project}");
        folded = NumericSegment().Replace(folded, "/{id}");
        folded = HexIdSegment().Replace(folded, "/{id}");
        return $"{method} {folded}";
    }

    [GeneratedRegex("^/api/projects/[^/]+")]
    private static partial Regex ProjectSegment();

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex NumericSegment();

    /// <summary>AYON's entity and activity ids (32 hex digits).</summary>
    [GeneratedRegex("/[0-9a-f]{32}(?=/|$)")]
    private static partial Regex HexIdSegment();
}
