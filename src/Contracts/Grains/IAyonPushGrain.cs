using AyonShotgrid.Contracts.Models;
using Orleans.Concurrency;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One project's AYON → ShotGrid direction: follows the AYON project's event stream with a durable cursor and pushes what
/// people create and change in AYON to ShotGrid, when the AYON project attribute <c>shotgridPush</c> is on.
/// Never calls another grain, so the project grain, the follower and a Sync to ShotGrid job can all call it. Key: <see cref="GrainKeys.Push"/>.
/// </summary>
[Alias("ayonsg.IAyonPushGrain")]
public interface IAyonPushGrain : IGrainWithStringKey
{
    /// <summary>Ties the grain to its AYON project; the first call starts the cursor at AYON's newest event. Idempotent.</summary>
    [Alias("AttachAsync")]
    Task<PushStatus> AttachAsync(string ayonProjectName);

    /// <summary>Switches the push on or off by writing the AYON project attribute <c>shotgridPush</c>.</summary>
    [Alias("SetEnabledAsync")]
    Task<PushStatus> SetEnabledAsync(bool enabled);

    /// <summary>Reads the project's new AYON events and pushes them; returns how many events the round read.</summary>
    [Alias("PollAsync")]
    Task<int> PollAsync();

    /// <summary>
    /// A Sync to ShotGrid job holds the project's push for <paramref name="holdFor"/> (renewed as it goes): polls push
    /// nothing meanwhile, so the job and the event push never create the same entity side by side. Answered between polls,
    /// so once it returns no poll is running. Persisted: a hold outlives the loss of this grain's silo, and lapses by itself
    /// when the job is gone.
    /// </summary>
    [Alias("HoldForJobAsync")]
    Task<PushStatus> HoldForJobAsync(string jobId, TimeSpan holdFor);

    /// <summary>Ends the job's hold (a hold of another job is left as it is).</summary>
    [Alias("ReleaseJobHoldAsync")]
    Task ReleaseJobHoldAsync(string jobId);

    /// <summary>Answered while a poll is running (it only reads the state), so the project status never waits for a long push.</summary>
    [Alias("GetStatusAsync"), AlwaysInterleave]
    Task<PushStatus> GetStatusAsync();
}
