using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.EventLog;

/// <summary>
/// When the leecher polls: the grain timer (one poll interval between poll starts), the keep-alive reminder that brings
/// the grain back after deactivation or the loss of its silo, and what a failed poll leaves for the status.
/// </summary>
public sealed partial class ShotGridLeecherGrain
{
    private const string KeepAliveReminder = "keepalive";

    private IGrainTimer? _timer;
    private TimeSpan _timerPeriod;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LogActivated(logger, sgOptions.Value.SiteName, RuntimeIdentity);
        if (state.State.Running)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    async Task IShotGridLeecherGrain.EnsureRunningAsync()
    {
        if (!state.State.Running)
        {
            state.State.Running = true;
            await state.WriteStateAsync();
        }

        await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.LeecherKeepAlivePeriod, options.Value.LeecherKeepAlivePeriod);
        StartTimer();
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == KeepAliveReminder && state.State.Running)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    private void StartTimer()
    {
        _timerPeriod = options.Value.PollInterval;
        _timer ??= this.RegisterGrainTimer(
            static (self, ct) => self.TickAsync(ct),
            this,
            new GrainTimerCreationOptions(_timerPeriod, _timerPeriod) { Interleave = false, KeepAlive = true });
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var polled = false;
        try
        {
            await PollAsync(cancellationToken);
            polled = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An outage of ShotGrid must not stop the leecher: note it once per failure streak and try again next tick.
            _lastError = e.Message;
            _lastErrorAt = clock.UtcNow;
            _waitingFor = Http.ServerOutage.Of(e);
            if (_consecutiveFailures++ == 0)
            {
                LogPollFailed(logger, e, sgOptions.Value.SiteName);
            }
        }
        finally
        {
            ScheduleNextTick(polled ? System.Diagnostics.Stopwatch.GetElapsedTime(started) : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Polls start one interval apart, not one interval after the last poll ended (a grain timer's period counts from the
    /// end of its callback): an event waits at most the interval before it is read, whatever a round costs. After a
    /// failed poll the whole interval is waited. Settings re-read from AYON can change the interval while the leecher runs.
    /// </summary>
    private void ScheduleNextTick(TimeSpan pollTook)
    {
        if (_timer is null)
        {
            return;
        }

        var wanted = options.Value.PollInterval;
        if (wanted != _timerPeriod)
        {
            LogPollIntervalChanged(logger, _timerPeriod, wanted);
            _timerPeriod = wanted;
        }

        var due = wanted - pollTook;
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, wanted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leecher poll interval changed from {Old} to {New}")]
    private static partial void LogPollIntervalChanged(ILogger logger, TimeSpan old, TimeSpan @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leecher of ShotGrid site {Site} active on silo {Silo}")]
    private static partial void LogActivated(ILogger logger, string site, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the ShotGrid event log of {Site} failed; retrying every poll interval until it answers")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string site);
}
