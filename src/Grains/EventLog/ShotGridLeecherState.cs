namespace AyonShotgrid.Grains.EventLog;

/// <summary>Persisted state of the site leecher. The cursors live in the project grains; this only says the leecher should run.</summary>
[GenerateSerializer, Alias("ayonsg.leecher-state.v1")]
public sealed class ShotGridLeecherState
{
    [Id(0)] public bool Running { get; set; }

    [Id(1)] public long Polls { get; set; }

    [Id(2)] public long EventsRouted { get; set; }
}
