using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>What the job reports while it runs, and the status as callers see it.</summary>
public sealed partial class SyncJobGrain
{
    private static readonly TimeSpan ProgressWriteInterval = TimeSpan.FromSeconds(2);

    private DateTimeOffset _lastWrite;

    private void OnProgress(SyncProgress p)
    {
        var percent = Math.Max(Status.ProgressPercent, Math.Min(p.Percent, 99));
        Status = p.Counts.Total > 0
            ? Status with { Phase = p.Phase, ProgressPercent = percent, Counts = p.Counts, Issues = [.. p.Issues] }
            : Status with { Phase = p.Phase, ProgressPercent = percent };

        // Keep the activation alive while it works (idle activations are collected after 15 minutes), and log progress now and then.
        DelayDeactivation(TimeSpan.FromMinutes(5));
        var now = clock.UtcNow;
        if (now - _lastWrite >= ProgressWriteInterval)
        {
            _lastWrite = now;
            LogProgress(logger, this.GetPrimaryKeyString(), Status.Phase, Status.ProgressPercent, Status.Counts.Done, Status.Counts.Total);
        }
    }

    /// <summary>The status as callers see it: when the job last waited for a server only matters while it still waits.</summary>
    private SyncJobStatus Snapshot() => Status.WaitingFor is null ? Status with { WaitingSince = null } : Status;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId}: {Phase}, {Percent}% ({Done}/{Total} entities)")]
    private static partial void LogProgress(ILogger logger, string jobId, string phase, int percent, int done, int total);
}
