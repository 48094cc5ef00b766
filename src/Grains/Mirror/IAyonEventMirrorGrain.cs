using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Mirror;

/// <summary>
/// Mirrors one project's applied ShotGrid events into AYON's event log (topic <c>shotgrid.event</c>), out of the apply
/// path: the project grain hands over what a round applied in one call before it moves its cursor; the grain keeps
/// them in a persisted queue and posts them in the background. Never calls another grain. Key: <see cref="Contracts.GrainKeys.EventMirror"/>.
/// </summary>
[Alias("ayonsg.IAyonEventMirrorGrain")]
public interface IAyonEventMirrorGrain : IGrainWithStringKey
{
    /// <summary>Queues the events (stored before it returns) and starts posting them; an event already queued is not queued twice.</summary>
    [Alias("EnqueueAsync")]
    Task EnqueueAsync(string ayonProjectName, IReadOnlyList<MirroredEvent> events);

    [Alias("GetStatusAsync")]
    Task<EventMirrorStatus> GetStatusAsync();

    /// <summary>The Orleans dashboard's Grain Details page reads state through a method of this name.</summary>
    [Alias("GetState")]
    Task<EventMirrorStatus> GetState();
}
