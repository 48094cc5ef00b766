using System.Net;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Sends the push's ShotGrid writes as <c>_batch</c> requests. ShotGrid runs a batch all-or-nothing: when it refuses one
/// (4xx) each write goes alone, so one bad entity does not hold back the rest. Outages are thrown: the round fails and
/// its events come again.
/// </summary>
public sealed class PushBatches(IShotGridWriter writer)
{
    public async Task<SgRecord?[]> SendAsync<T>(
        T[] items, Func<T, SgWrite> write, Func<T, (string Type, string Id, string Name)> describe, PushOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            outcome.Requests++;
            return [.. await writer.BatchAsync(items.Select(write).ToList(), cancellationToken)];
        }
        catch (ShotGridException e) when (IsRefusal(e))
        {
            if (items.Length == 1)
            {
                var (type, id, name) = describe(items[0]);
                outcome.Issues.Add(new SyncIssue("failed", type, 0, name, $"ShotGrid refused it ({id}): {e.Message}"));
                return [null];
            }

            var results = new SgRecord?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                results[i] = (await SendAsync([items[i]], write, describe, outcome, cancellationToken))[0];
            }

            return results;
        }
    }

    private static bool IsRefusal(ShotGridException e) =>
        e.Status is { } s && (int)s is >= 400 and < 500 && s != HttpStatusCode.TooManyRequests && s != HttpStatusCode.Unauthorized;
}
