using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>Polls one ShotGrid site's event log and routes events to project grains. Key: <see cref="GrainKeys.Leecher"/>.</summary>
[Alias("ayonsg.IShotGridLeecherGrain")]
public interface IShotGridLeecherGrain : IGrainWithStringKey
{
    /// <summary>Registers the keep-alive reminder and starts the poll timer. Idempotent; called at cluster start.</summary>
    [Alias("EnsureRunningAsync")]
    Task EnsureRunningAsync();

    /// <summary>One poll now (reads until a short page). Used by the timer; tests call it to step the leecher.</summary>
    [Alias("PollNowAsync")]
    Task PollNowAsync();

    [Alias("GetStatusAsync")]
    Task<LeecherStatus> GetStatusAsync();

    /// <summary>Same as <see cref="GetStatusAsync"/>; the Orleans dashboard shows grain state by calling a parameterless method named exactly <c>GetState</c>.</summary>
    [Alias("GetState")]
    Task<LeecherStatus> GetState();
}
