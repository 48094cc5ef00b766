using Flurl.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AyonShotgrid.Grains.Http;

/// <summary>
/// Sends requests through one <see cref="IFlurlClient"/> and, for calls the owner marks idempotent, retries
/// transient failures (network, timeout, 429, 500, 502-504) with backoff, honouring <c>Retry-After</c>.
/// Every call, retried or not, passes the server's <see cref="ServerCircuit"/>: while it is open calls fail at once.
/// Non-2xx answers are returned, not thrown, so each client maps them to its own exception type;
/// failures without an answer (and calls the open circuit refused) are thrown as the exception <c>transportError</c> builds.
/// This is the one place that configures retries and the breaker for both servers.
/// </summary>
internal sealed class RetryingHttpCaller : IDisposable
{
    private static readonly ResiliencePropertyKey<RequestLabel> LabelKey = new("AyonShotgrid.Http.Request");

    private readonly HttpCallerSettings _settings;
    private readonly IFlurlClient _client;
    private readonly ServerCircuit _circuit;
    private readonly ResiliencePipeline<IFlurlResponse> _retrying;
    private readonly Func<string, Exception, Exception> _transportError;

    public RetryingHttpCaller(HttpCallerSettings settings, ILogger logger, Func<string, Exception, Exception> transportError)
    {
        _settings = settings;
        _transportError = transportError;
        _client = CreateClient(settings);
        _circuit = new ServerCircuit(settings, logger);
        _retrying = BuildRetryPipeline(settings, logger, _circuit);
    }

    /// <param name="path">Path without query string (the query belongs in <paramref name="send"/>); logged as is.</param>
    /// <param name="send">Adds query, headers and body to the prepared request and sends it; called once per attempt.</param>
    /// <param name="retry">Only for calls that are safe to repeat.</param>
    /// <param name="timeout">Per-attempt timeout; defaults to the configured request timeout.</param>
    /// <param name="probe">A health probe that expects failures (waiting out a restart): sent once, past the circuit, and not counted by it.</param>
    public async Task<IFlurlResponse> SendAsync(
        HttpMethod method, string path, Func<IFlurlRequest, CancellationToken, Task<IFlurlResponse>> send, bool retry,
        CancellationToken cancellationToken, TimeSpan? timeout = null, bool probe = false)
    {
        var pipeline = probe ? ResiliencePipeline<IFlurlResponse>.Empty : retry ? _retrying : _circuit.Pipeline;
        var attemptTimeout = timeout ?? _settings.RequestTimeout;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LabelKey, new RequestLabel(method.Method, path));
        try
        {
            return await pipeline.ExecuteAsync(
                async ctx =>
                {
                    var response = await send(_client.Request(path).WithTimeout(attemptTimeout), ctx.CancellationToken);

                    // An accepted write is a job's progress: its Sync:MaxOutage clock starts again from here.
                    ServerAnswers.Answered(_settings.System, method, path, response.StatusCode);
                    return response;
                },
                context);
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is FlurlHttpException or HttpRequestException)
        {
            throw _transportError(Describe(method, path, ex, attemptTimeout), ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw _transportError(_circuit.RefusalMessage(method.Method, path, ex), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _client.Dispose();

    private string Describe(HttpMethod method, string path, Exception failure, TimeSpan timeout) => failure is FlurlHttpTimeoutException
        ? $"{_settings.System} {method.Method} {path} timed out after {timeout.TotalSeconds:0.###} s."
        : $"{_settings.System} {method.Method} {path} could not be completed: {Innermost(failure).Message}";

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static FlurlClient CreateClient(HttpCallerSettings settings)
    {
        // One pooled handler per client for the life of the process; a bounded connection lifetime picks up DNS changes.
        // AYON (uvicorn) closes idle keep-alive connections after 5 s; reusing one it is closing fails the request.
        // Dropping ours after 4 s idle avoids that race for calls we must not retry (project create).
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4) };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new FlurlClient(http, settings.BaseUrl);
        client.Settings.AllowedHttpStatusRange = "*";
        client.Settings.Timeout = settings.RequestTimeout;
        return client;
    }

    /// <summary>
    /// Retry outside, breaker inside: each attempt counts towards opening the circuit. A refusal by the open circuit is
    /// not retried (the caller learns at once that the server is down), unless the circuit is about to let calls through.
    /// </summary>
    private static ResiliencePipeline<IFlurlResponse> BuildRetryPipeline(HttpCallerSettings settings, ILogger logger, ServerCircuit circuit)
    {
        if (settings.MaxAttempts <= 1)
        {
            return circuit.Pipeline;
        }

        var time = settings.Time;
        return new ResiliencePipelineBuilder<IFlurlResponse> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<IFlurlResponse>
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                // Our delays are computed in DelayGenerator; this only bounds them.
                MaxDelay = RetryDelays.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex
                    ? TransientFailures.IsTransientException(ex, args.Context.CancellationToken) || circuit.IsAboutToLetThrough(ex)
                    : args.Outcome.Result is { } response && TransientFailures.IsTransientStatus(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RetryDelays.FromRetryAfter(args.Outcome.Result?.ResponseMessage.Headers.RetryAfter, time.GetUtcNow())
                    ?? (args.Outcome.Exception is BrokenCircuitException { RetryAfter: { } rest } && rest > TimeSpan.Zero ? rest : (TimeSpan?)null)
                    ?? RetryDelays.Backoff(args.AttemptNumber, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    LogRetry(logger, settings.System, args);
                    return default;
                },
            })
            .AddPipeline(circuit.Pipeline)
            .Build();
    }

    private static void LogRetry(ILogger logger, string system, OnRetryArguments<IFlurlResponse> args)
    {
        var label = args.Context.Properties.GetValue(LabelKey, new RequestLabel("?", "?"));
        var attempt = args.AttemptNumber + 1;
        if (args.Outcome.Result is { } response)
        {
            HttpRetryLog.RetryingAfterStatus(logger, system, label.Method, label.Path, response.StatusCode, attempt, args.RetryDelay);
        }
        else
        {
            var failure = args.Outcome.Exception is FlurlHttpTimeoutException ? "timeout" : Innermost(args.Outcome.Exception!).GetType().Name;
            HttpRetryLog.RetryingAfterException(logger, system, label.Method, label.Path, failure, attempt, args.RetryDelay);
        }
    }

    private sealed record RequestLabel(string Method, string Path);
}
