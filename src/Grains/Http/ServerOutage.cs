using Flurl.Http;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;
using Polly.CircuitBreaker;

namespace AyonShotgrid.Grains.Http;

/// <summary>
/// Tells an outage (worth waiting out) from a refusal (worth reporting): a server that did not answer, timed out,
/// answered 429/5xx after every retry, or whose circuit is open, is unreachable for now; any other answer
/// (401 bad key, 403, 404, 400 …) is the truth and waiting would not change it.
/// </summary>
public static class ServerOutage
{
    public const string Ayon = "AYON";
    public const string ShotGrid = "ShotGrid";

    /// <summary>"AYON" or "ShotGrid" when <paramref name="exception"/> says that server is unreachable right now; null otherwise.</summary>
    public static string? Of(Exception exception)
    {
        string? server = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AyonException { Status: { } status }:
                    return TransientFailures.IsTransientStatus((int)status) ? Ayon : null;
                case ShotGridException { Status: { } status }:
                    return TransientFailures.IsTransientStatus((int)status) ? ShotGrid : null;
                case AyonException:
                    server ??= Ayon;
                    break;
                case ShotGridException:
                    server ??= ShotGrid;
                    break;
                case FlurlHttpException or HttpRequestException or BrokenCircuitException or TimeoutException:
                    return server;
            }
        }

        return null;
    }
}
