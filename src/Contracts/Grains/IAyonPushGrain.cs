using AyonShotgrid.Contracts.Models;
using Orleans.Concurrency;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One project's AYON → ShotGrid direction: follows the AYON project's event stream with a durable cursor and pushes what
/// people create and change in AYON to ShotGrid, when the AYON project attribute <c>shotgridPush</c> is on.
/// Never calls another grain, so the project grain and the follower can both call it. Key: <see cref="GrainKeys.Push"/>.
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
    /// Sync to ShotGrid: creates in ShotGrid every folder and task of the AYON project it lacks (never updates or deletes),
    /// whether or not the push is on. A dry run lists what it would create and writes nothing.
    /// </summary>
    [Alias("SyncToShotGridAsync")]
    Task<PushRunResult> SyncToShotGridAsync(bool dryRun);

    /// <summary>Answered while a poll is running (it only reads the state), so the project status never waits for a long push.</summary>
    [Alias("GetStatusAsync"), AlwaysInterleave]
    Task<PushStatus> GetStatusAsync();
}
