namespace AyonShotgrid.Grains.Playlists;

/// <summary>Persisted state of a playlist grain (plain JSON; add members with defaults).</summary>
[GenerateSerializer, Alias("ayonsg.playlist-grain-state.v1")]
public sealed class ShotGridPlaylistGrainState
{
    /// <summary>The AYON list this playlist is kept as, once chosen (its own <c>sg_ayon_id</c>, else derived from site, project and playlist).</summary>
    [Id(0)] public string? AyonListId { get; set; }

    [Id(1)] public string? AyonProjectName { get; set; }

    /// <summary>Events at or below this id were applied; a replay of them is skipped.</summary>
    [Id(2)] public long LastAppliedEventId { get; set; }

    /// <summary>Versions left out of the list last time (not linked to AYON yet); while above 0 a reminder looks again.</summary>
    [Id(3)] public int Unlinked { get; set; }

    [Id(4)] public List<string> LastProblems { get; set; } = [];

    [Id(5)] public bool Deleted { get; set; }
}
