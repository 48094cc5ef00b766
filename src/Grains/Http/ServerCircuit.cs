using Flurl.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace AyonShotgrid.Grains.Http;

/// <summary>
/// One circuit breaker per server, shared by every call to it. When most recent calls fail with an outage (5xx,
/// timeout, no answer), calls are refused at once for the break duration instead of each one retrying against a
/// server that is down: an outage costs a few probes, not a retry storm. 429 does not count: it is the server
/// asking us to slow down, which the retry's <c>Retry-After</c> handling honours.
/// </summary>
internal sealed class ServerCircuit
{
    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    public const double FailureRatio = 0.5;

    /// <summary>Calls in the window before the ratio is trusted: a lone failure never opens it.</summary>
    public const int MinimumThroughput = 8;

    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>A refusal with at most this much break left (or during the half-open probe) is worth one more attempt.</summary>
    public static readonly TimeSpan AlmostClosed = TimeSpan.FromSeconds(1);

    private readonly HttpCallerSettings _settings;
    private volatile string _openedBecause = "repeated failures";

    public ServerCircuit(HttpCallerSettings settings, ILogger logger)
    {
        _settings = settings;
        Pipeline = new ResiliencePipelineBuilder<IFlurlResponse> { TimeProvider = settings.Time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IFlurlResponse>
            {
                FailureRatio = FailureRatio,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome, args.Context.CancellationToken)),
                OnOpened = args =>
                {
                    _openedBecause = Describe(args.Outcome);
                    HttpRetryLog.CircuitOpened(logger, settings.System, args.BreakDuration, _openedBecause);
                    return default;
                },
                OnClosed = _ =>
                {
                    HttpRetryLog.CircuitClosed(logger, settings.System);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>The breaker alone; the retry pipeline wraps it so every attempt is counted.</summary>
    public ResiliencePipeline<IFlurlResponse> Pipeline { get; }

    /// <summary>What a caller is told while the circuit refuses calls: which server, for how long, and why it opened.</summary>
    public string RefusalMessage(string method, string path, BrokenCircuitException refused)
    {
        var wait = refused.RetryAfter is { } after ? $"{Math.Max(after.TotalSeconds, 0):0.#} s more" : $"up to {_settings.CircuitBreakDuration.TotalSeconds:0.#} s";
        return $"{_settings.System} {method} {path} not sent: the circuit breaker for {_settings.System} is open ({wait}) " +
            $"because most recent calls failed (last: {_openedBecause}).";
    }

    /// <summary>
    /// The circuit refused a call but will try the server very soon (the last quarter of the break, at most
    /// <see cref="AlmostClosed"/>, or another call is the half-open probe): a retried call waits for that instead of
    /// failing. Refusals earlier in the break fail at once, so callers learn the server is down.
    /// </summary>
    public bool IsAboutToLetThrough(Exception exception) =>
        exception is BrokenCircuitException refused
        && (refused.RetryAfter is not { } rest || (rest <= AlmostClosed && rest <= _settings.CircuitBreakDuration / 4));

    private static bool IsOutage(Outcome<IFlurlResponse> outcome, CancellationToken callerToken) => outcome.Exception is { } ex
        ? TransientFailures.IsTransientException(ex, callerToken)
        : outcome.Result is { } response && response.StatusCode != 429 && TransientFailures.IsTransientStatus(response.StatusCode);

    private static string Describe(Outcome<IFlurlResponse> outcome) => outcome.Result is { } response
        ? $"HTTP {response.StatusCode}"
        : outcome.Exception is FlurlHttpTimeoutException ? "timeout"
        : outcome.Exception is { } ex ? Innermost(ex).GetType().Name
        : "unknown failure";

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
