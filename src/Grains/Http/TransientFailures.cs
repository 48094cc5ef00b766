using System.Net;
using Flurl.Http;

namespace AyonShotgrid.Grains.Http;

/// <summary>Which outcomes of an HTTP call are worth another attempt.</summary>
internal static class TransientFailures
{
    public static bool IsTransientStatus(int status) => status is
        (int)HttpStatusCode.TooManyRequests
        or (int)HttpStatusCode.InternalServerError
        or (int)HttpStatusCode.BadGateway
        or (int)HttpStatusCode.ServiceUnavailable
        or (int)HttpStatusCode.GatewayTimeout;

    /// <summary>Timeouts and failures without any HTTP answer (refused, reset, DNS). Cancellation by the caller is never transient.</summary>
    public static bool IsTransientException(Exception exception, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested && exception switch
        {
            FlurlHttpTimeoutException => true,
            FlurlHttpException flurl => flurl.Call?.Response is null,
            HttpRequestException => true,
            TimeoutException => true,
            _ => false,
        };
}
