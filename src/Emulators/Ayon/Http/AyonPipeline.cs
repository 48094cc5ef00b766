namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Middleware order: request id and count, faults, error mapping, authentication, then the API routes.</summary>
internal static class AyonPipeline
{
    public static void UseAyonPipeline(this WebApplication app, AyonStore store, RequestCounter counter, ApiKeyAuthenticator auth, Func<HttpContext, Task>? tap = null)
    {
        app.Use(async (http, next) =>
        {
            counter.Increment();
            if (tap is not null)
            {
                await tap(http);
            }

            http.Response.Headers["X-Request-ID"] = Guid.NewGuid().ToString("N");
            await next(http);
        });
        app.Use(async (http, next) =>
        {
            if (!await FaultGate.TryAnswerAsync(http, store))
            {
                await next(http);
            }
        });
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (AyonProblem problem) when (!http.Response.HasStarted)
            {
                await AyonResults.Json(AyonResults.ProblemBody(http, problem), problem.Status).ExecuteAsync(http);
            }
        });
        app.Use(async (http, next) =>
        {
            var rejection = ApiKeyAuthenticator.IsPublic(http.Request) ? null : auth.Reject(http.Request);
            if (rejection is null)
            {
                await next(http);
            }
            else
            {
                await AyonResults.Error(401, rejection).ExecuteAsync(http);
            }
        });
    }
}
