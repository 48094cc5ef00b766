using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>
/// A loopback reverse proxy in front of an AYON server that counts what passes, by method and route shape
/// ("POST /api/projects/{project}/operations"). The silo talks to AYON through it, so the count is the client's
/// own and comes out the same way for the emulator and the real server.
/// </summary>
public sealed partial class CountingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private CountingProxy(WebApplication app, HttpClient upstream, Uri url)
    {
        _app = app;
        _upstream = upstream;
        Url = url;
    }

    /// <summary>Where clients send requests instead of the server.</summary>
    public Uri Url { get; }

    /// <summary>Counting starts when true; requests before (e.g. Prepare) are forwarded uncounted.</summary>
    public bool Counting { get; set; }

    public IReadOnlyDictionary<string, int> Counts => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    public static async Task<CountingProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        // The real server (uvicorn) closes idle keep-alive connections after 5 s; stay below it.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2), AllowAutoRedirect = false })
        {
            BaseAddress = upstream,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        CountingProxy? proxy = null;
        app.Run(context => proxy!.ForwardAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy = new CountingProxy(app, http, new Uri(address.TrimEnd('/') + "/"));
        return proxy;
    }

    public void Reset() => _counts.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    /// <summary>Route shape: project names, ids and names after a known collection are replaced by placeholders.</summary>
    public static string Shape(string method, string path)
    {
        var shaped = ProjectSegment().Replace(path, "/api/projects/{project}");
        shaped = HexId().Replace(shaped, "{id}");
        shaped = AttributeName().Replace(shaped, "/api/attributes/{name}");
        return $"{method} {shaped}";
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        if (Counting)
        {
            _counts.AddOrUpdate(Shape(request.Method, request.Path.Value ?? "/"), 1, (_, n) => n + 1);
        }

        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), request.Path.Value!.TrimStart('/') + request.QueryString.Value);
        if (request.ContentLength > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            outgoing.Content = new StreamContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!outgoing.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var answer = await _upstream.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    [GeneratedRegex("^/api/projects/[^/]+")]
    private static partial Regex ProjectSegment();

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex HexId();

    [GeneratedRegex("^/api/attributes/[^/]+")]
    private static partial Regex AttributeName();
}
