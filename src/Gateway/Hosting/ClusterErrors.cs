using AyonShotgrid.Contracts;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>
/// Status codes for failures outside the grains' own reports: a cluster that cannot be reached (a lost silo, a call
/// that timed out, any other failure of the Orleans runtime) is a 503, not a 500; an unreadable request keeps its 4xx.
/// </summary>
public static class ClusterErrors
{
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when exception is Orleans.Runtime.OrleansException || LostSilo.IsOrSilent(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
