namespace AyonShotgrid.Contracts.Grains;

/// <summary>Polls the push grains of a site's linked projects every poll interval. Key: <see cref="GrainKeys.PushFollower"/>.</summary>
[Alias("ayonsg.IAyonPushFollowerGrain")]
public interface IAyonPushFollowerGrain : IGrainWithStringKey
{
    /// <summary>Registers the keep-alive reminder and starts the timer. Idempotent; called at cluster start.</summary>
    [Alias("EnsureRunningAsync")]
    Task EnsureRunningAsync();

    /// <summary>One round now; tests call it to step the push.</summary>
    [Alias("PollNowAsync")]
    Task PollNowAsync();
}
