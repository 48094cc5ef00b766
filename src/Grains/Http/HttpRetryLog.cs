using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Http;

/// <summary>Log messages of the retrying HTTP caller. Only method, path (no query) and status: never headers or bodies, which carry secrets.</summary>
internal static partial class HttpRetryLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "{System} {Method} {Path} answered {Status} on attempt {Attempt}; retrying in {Delay}")]
    public static partial void RetryingAfterStatus(ILogger logger, string system, string method, string path, int status, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "{System} {Method} {Path} failed on attempt {Attempt} ({Failure}); retrying in {Delay}")]
    public static partial void RetryingAfterException(ILogger logger, string system, string method, string path, string failure, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Circuit breaker for {System} opened for {BreakDuration} (last failure: {LastFailure}); calls are refused without being sent until it half-opens")]
    public static partial void CircuitOpened(ILogger logger, string system, TimeSpan breakDuration, string lastFailure);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Circuit breaker for {System} closed: calls go through again")]
    public static partial void CircuitClosed(ILogger logger, string system);
}
