using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Mirror;

/// <summary>
/// One project's mirror of applied ShotGrid events into AYON's event log. Events are queued in grain storage when the
/// project hands them over (before it moves its cursor), then posted by a background pass of this activation, at most
/// <see cref="SyncOptions.MirrorConcurrency"/> at once. An event leaves the queue when AYON takes it, already has it
/// (409: same hash), or refuses it for good; an outage keeps it and backs off. Requests are not blocked by a pass (it
/// runs beside them, not inside one), so handing events over never waits for AYON. A reminder, registered while the
/// queue is not empty, resumes the queue after a restart or the loss of the silo.
/// </summary>
public sealed partial class AyonEventMirrorGrain(
    [PersistentState("eventmirror", StorageNames.Sync)] IPersistentState<AyonEventMirrorGrainState> state,
    MirrorPoster poster,
    IOptions<SyncOptions> options,
    SyncClock clock,
    ILogger<AyonEventMirrorGrain> logger) : Grain, IAyonEventMirrorGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private static readonly TimeSpan WakePeriod = TimeSpan.FromSeconds(1);

    // The pass and a request can both be between awaits with a write pending; grain storage takes one write at a time.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly HashSet<long> _queued = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _queued.UnionWith(state.State.Queue.Select(e => e.EventId));
        this.RegisterGrainTimer(static (self, _) => self.WakeAsync(), this, new GrainTimerCreationOptions(WakePeriod, WakePeriod));
        Kick();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Let a pass store what it posted; what it did not is posted again by the next activation (a repeat is a 409).
        if (_pass is { } pass)
        {
            await pass.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Current);
        }
    }

    async Task IAyonEventMirrorGrain.EnqueueAsync(string ayonProjectName, IReadOnlyList<MirroredEvent> events)
    {
        var s = state.State;
        s.AyonProjectName = ayonProjectName;
        foreach (var e in events.Where(e => _queued.Add(e.EventId)))
        {
            s.Queue.Add(e);
        }

        var over = s.Queue.Count - options.Value.MirrorQueueLimit;
        if (over > 0)
        {
            foreach (var dropped in s.Queue.Take(over))
            {
                _queued.Remove(dropped.EventId);
            }

            s.Queue.RemoveRange(0, over);
            s.DroppedOverLimit += over;
            LogDroppedOverLimit(logger, this.GetPrimaryKeyString(), over, options.Value.MirrorQueueLimit);
        }

        if (!s.ResumeReminderOn && s.Queue.Count > 0)
        {
            var period = options.Value.LeecherKeepAlivePeriod;
            await this.RegisterOrUpdateReminder(ResumeReminder, period, period);
            s.ResumeReminderOn = true;
        }

        await WriteAsync();
        Kick();
    }

    Task<EventMirrorStatus> IAyonEventMirrorGrain.GetStatusAsync() => Task.FromResult(Status());

    Task<EventMirrorStatus> IAyonEventMirrorGrain.GetState() => Task.FromResult(Status());

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder)
        {
            return;
        }

        if (state.State.Queue.Count == 0 && _pass is not { IsCompleted: false })
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            state.State.ResumeReminderOn = false;
            await WriteAsync();
            return;
        }

        Kick();
    }

    private Task WakeAsync()
    {
        Kick();
        return Task.CompletedTask;
    }

    private async Task WriteAsync()
    {
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private EventMirrorStatus Status()
    {
        var s = state.State;
        var retryIn = BackingOff ? System.Diagnostics.Stopwatch.GetElapsedTime(System.Diagnostics.Stopwatch.GetTimestamp(), _retryAtTimestamp) : (TimeSpan?)null;
        return new EventMirrorStatus(
            options.Value.MirrorEventsToAyon, s.Queue.Count, s.Posted, s.AlreadyThere, s.Refused, s.DroppedOverLimit,
            s.LastError, s.LastErrorAt, retryIn is { } wait ? clock.UtcNow + wait : null, s.LastPostedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event mirror {Mirror}: queue over {Limit} events; the {Dropped} oldest were dropped unmirrored")]
    private static partial void LogDroppedOverLimit(ILogger logger, string mirror, int dropped, int limit);
}
