using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Push;

/// <summary>The push grain's log messages.</summary>
public sealed partial class AyonPushGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: pushed from AYON: {Created} created, {Updated} updated, {Linked} linked in {Requests} ShotGrid requests; {OwnSkipped} own events skipped")]
    private static partial void LogPushed(ILogger logger, long sgProjectId, int created, int updated, int linked, int requests, int ownSkipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: push to ShotGrid is {Enabled}")]
    private static partial void LogEnabled(ILogger logger, long sgProjectId, bool enabled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid project {SgProjectId}: push to ShotGrid failed; the same events are tried again next poll")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, long sgProjectId);
}
