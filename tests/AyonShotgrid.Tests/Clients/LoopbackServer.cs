using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Tests.Clients;

/// <summary>One request as the loopback server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, IQueryCollection Query, IHeaderDictionary Headers, string Body);

/// <summary>A Kestrel server on 127.0.0.1, random port, answering with whatever the test's handler writes.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. _requests.Where(r => r.Path == path)];

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, RecordedRequest, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            // Copies: Kestrel reuses the live header and query objects once the request ends.
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                new QueryCollection(context.Request.Query.ToDictionary(q => q.Key, q => q.Value)),
                new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase)),
                body);
            server._requests.Enqueue(request);
            await handler(context, request);
        });
        await app.StartAsync();
        server.Url = app.Urls.First();
        return server;
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, string json, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>Accepts the request and never answers, like a restarting AYON; ends when the client gives up.</summary>
    public static async Task HangAsync(HttpContext context)
    {
        var gaveUp = new TaskCompletionSource();
        await using var registration = context.RequestAborted.Register(() => gaveUp.TrySetResult());
        await gaveUp.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
