using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Drives the AYON → ShotGrid push of one site: a grain timer polls every linked project's push grain each
/// <see cref="SyncOptions.PollInterval"/>, side by side (parallel across projects, in order within one); a one-minute
/// reminder brings it back after deactivation or the loss of its silo.
/// </summary>
public sealed partial class AyonPushFollowerGrain(
    [PersistentState("pushfollower", StorageNames.Sync)] IPersistentState<AyonPushFollowerState> state,
    IOptions<SyncOptions> syncOptions,
    IOptions<ShotGridOptions> sgOptions,
    ILogger<AyonPushFollowerGrain> logger) : Grain, IAyonPushFollowerGrain, IRemindable
{
    private const string KeepAliveReminder = "keepalive";
    private IGrainTimer? _timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Running)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    async Task IAyonPushFollowerGrain.EnsureRunningAsync()
    {
        if (!state.State.Running)
        {
            state.State.Running = true;
            await state.WriteStateAsync();
        }

        await this.RegisterOrUpdateReminder(KeepAliveReminder, syncOptions.Value.LeecherKeepAlivePeriod, syncOptions.Value.LeecherKeepAlivePeriod);
        StartTimer();
    }

    Task IAyonPushFollowerGrain.PollNowAsync() => PollAsync();

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == KeepAliveReminder && state.State.Running)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(
            static (self, _) => self.TickAsync(),
            this,
            new GrainTimerCreationOptions(syncOptions.Value.PollInterval, syncOptions.Value.PollInterval) { Interleave = false, KeepAlive = true });

    private async Task TickAsync()
    {
        try
        {
            await PollAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The push grains keep their own errors; this only fails when the registry cannot be reached.
            LogRoundFailed(logger, e, sgOptions.Value.SiteName);
        }
    }

    private async Task PollAsync()
    {
        var site = sgOptions.Value.SiteName;
        var projects = await GrainFactory.GetGrain<IProjectRegistryGrain>(GrainKeys.Registry(site)).GetProjectsAsync();
        await Task.WhenAll(projects.Select(id => GrainFactory.GetGrain<IAyonPushGrain>(GrainKeys.Push(site, id)).PollAsync())
            .Concat(projects.Select(id => GrainFactory.GetGrain<IAyonListPushGrain>(GrainKeys.ListPush(site, id)).PollAsync()))
            .Concat(projects.Select(id => GrainFactory.GetGrain<ICommentPushGrain>(GrainKeys.CommentPush(site, id)).PollAsync())));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push follower of {Site}: a round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string site);
}
