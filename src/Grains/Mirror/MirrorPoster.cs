using System.Net;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Mirror;

/// <summary>
/// Posts a batch of mirrored events to AYON, a bounded number at once, on the thread pool (the mirror grain's own
/// scheduler only books the outcome). Once one post fails with an outage the rest of the batch is not sent: the mirror
/// backs off instead of sending a whole batch at a server that is down.
/// </summary>
public sealed class MirrorPoster(IAyonClient ayon, IOptions<ShotGridOptions> sgOptions)
{
    /// <param name="Left">Events that leave the queue: taken, already there, or refused for good.</param>
    /// <param name="Failed">An outage (5xx, no answer, 401/403/408/429): the events not in <paramref name="Left"/> stay queued.</param>
    /// <param name="Error">The last failure or refusal.</param>
    public sealed record Result(IReadOnlyList<long> Left, int Posted, int AlreadyThere, int Refused, bool Failed, string? Error);

    public async Task<Result> PostAsync(string ayonProjectName, IReadOnlyList<MirroredEvent> batch, int concurrency)
    {
        var site = sgOptions.Value.SiteName;
        var left = new System.Collections.Concurrent.ConcurrentBag<long>();
        int posted = 0, alreadyThere = 0, refused = 0, failed = 0;
        string? error = null;
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (e, ct) =>
        {
            if (Volatile.Read(ref failed) > 0)
            {
                return;
            }

            try
            {
                var isNew = await ayon.PostEventAsync(MirrorEventRequests.For(site, ayonProjectName, e), ct);
                Interlocked.Increment(ref isNew ? ref posted : ref alreadyThere);
                left.Add(e.EventId);
            }
            catch (AyonException refusal) when (IsRefusedForGood(refusal.Status))
            {
                // AYON will never take this one (a body it rejects, a project it no longer has): keeping it would block the queue.
                Interlocked.Increment(ref refused);
                error = $"event {e.EventId} refused: {refusal.Message}";
                left.Add(e.EventId);
            }
            catch (Exception outage) when (outage is AyonException or HttpRequestException or TimeoutException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
                error = outage.Message;
            }
        });

        return new Result([.. left], posted, alreadyThere, refused, failed > 0, error);
    }

    private static bool IsRefusedForGood(HttpStatusCode? status) =>
        status is { } code && (int)code is >= 400 and < 500
        && code is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
}
