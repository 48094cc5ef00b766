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
}
