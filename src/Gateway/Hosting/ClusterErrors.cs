namespace AyonShotgrid.Gateway.Hosting;

/// <summary>Status codes for failures outside the grains' own reports: a cluster that cannot be reached is a 503, not a 500; an unreadable request keeps its 4xx.</summary>
public static class ClusterErrors
{
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.SiloUnavailableException or TimeoutException or Orleans.Runtime.OrleansException
            => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
