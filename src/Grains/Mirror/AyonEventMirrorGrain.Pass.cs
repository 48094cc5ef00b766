using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Mirror;

/// <summary>
/// The background pass of the event mirror: posts the head of the queue, books what AYON did with each event, and backs
/// off (0.5 s doubling to 30 s) while AYON does not take them. It runs on the activation's scheduler beside the grain's
/// requests, not inside one, so a project handing over events never waits for AYON.
/// </summary>
public sealed partial class AyonEventMirrorGrain
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private Task? _pass;
    private int _failedPasses;
    private long _retryAtTimestamp;

    private bool BackingOff => _retryAtTimestamp > System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Starts a pass unless one runs, the queue is empty or the mirror waits out a backoff.</summary>
    private void Kick()
    {
        if (_pass is { IsCompleted: false } || state.State.Queue.Count == 0 || state.State.AyonProjectName is null || BackingOff)
        {
            return;
        }

        _pass = PostQueuedAsync();
    }

    private async Task PostQueuedAsync()
    {
        try
        {
            while (state.State.Queue.Count > 0 && !BackingOff)
            {
                var s = state.State;
                var batch = s.Queue.Take(options.Value.MirrorConcurrency * 8).ToList();
                var result = await poster.PostAsync(s.AyonProjectName!, batch, options.Value.MirrorConcurrency);
                var leaving = result.Left.ToHashSet();
                s.Queue.RemoveAll(e => leaving.Contains(e.EventId));
                _queued.ExceptWith(leaving);
                s.Posted += result.Posted;
                s.AlreadyThere += result.AlreadyThere;
                s.Refused += result.Refused;
                if (result.Posted + result.AlreadyThere > 0)
                {
                    s.LastPostedAt = clock.UtcNow;
                }

                if (result.Error is { } error)
                {
                    s.LastError = error;
                    s.LastErrorAt = clock.UtcNow;
                }

                if (result.Failed)
                {
                    BackOff(result.Error!);
                }
                else if (result.Posted + result.AlreadyThere > 0)
                {
                    if (_failedPasses > 0)
                    {
                        LogRecovered(logger, this.GetPrimaryKeyString(), _failedPasses);
                    }

                    _failedPasses = 0;
                    s.LastError = result.Refused > 0 ? s.LastError : null;
                }

                await WriteAsync();
            }
        }
        catch (Exception e)
        {
            // Storage failed: what was posted is posted again later (409), nothing is lost.
            BackOff(e.Message);
        }
    }

    private void BackOff(string error)
    {
        var wait = TimeSpan.FromMilliseconds(Math.Min(500 * Math.Pow(2, Math.Min(_failedPasses, 10)), MaxBackoff.TotalMilliseconds));
        if (_failedPasses++ == 0)
        {
            LogBackingOff(logger, this.GetPrimaryKeyString(), state.State.Queue.Count, error);
        }

        _retryAtTimestamp = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event mirror {Mirror}: AYON did not take events; {Queued} kept, retrying with backoff ({Error})")]
    private static partial void LogBackingOff(ILogger logger, string mirror, int queued, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event mirror {Mirror}: AYON takes events again after {Passes} failed passes")]
    private static partial void LogRecovered(ILogger logger, string mirror, int passes);
}
