using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One ShotGrid Playlist and the AYON entity list (entity type version) it is kept as. Key:
/// <see cref="GrainKeys.Playlist"/>. Every call brings the list to the playlist as just read (name, linked versions in
/// order), so a replayed or reordered event changes nothing; Versions not linked to AYON yet are left out, reported,
/// and taken in by a reminder once they are linked.
/// </summary>
[Alias("ayonsg.IShotGridPlaylistGrain")]
public interface IShotGridPlaylistGrain : IGrainWithStringKey
{
    /// <summary>Applies the playlist's events (ascending ids; those at or below the last applied are skipped). Throws on an outage.</summary>
    [Alias("ApplyAsync")]
    Task<EntityApplyResult> ApplyAsync(string ayonProject, IReadOnlyList<EventLogItem> events, PlaylistSnapshot snapshot);

    /// <summary>The full sync's call: create or update the list as the snapshot says. Answers the problems (unlinked versions, refusals).</summary>
    [Alias("SyncAsync")]
    Task<IReadOnlyList<string>> SyncAsync(string ayonProject, PlaylistSnapshot snapshot);
}
