using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// What an entity list deleted in AYON does to its ShotGrid Playlist, as the rest of the push does with deletions: by
/// default nothing (the playlist is kept and the list push's status says so: a Playlist carries review notes and
/// screening history AYON never had); with <see cref="PushOptions.RetireDeleted"/> it is retired through a <c>_batch</c>
/// delete (ShotGrid can revive it). The playlist is the one carrying the list id (<c>sg_ayon_id</c>, pushed playlists),
/// else the one whose list the ShotGrid → AYON direction made (its id is derived from the playlist id). The delete goes
/// as the cluster's script user, whose events the leecher ignores: no echo.
/// </summary>
public sealed class PlaylistRetirements(IShotGridClient shotGrid, IShotGridWriter writer, IOptions<PushOptions> options, IOptions<ShotGridOptions> sgOptions)
{
    public sealed record Outcome(int Retired, IReadOnlyList<string> Issues)
    {
        public static readonly Outcome Nothing = new(0, []);
    }

    public async Task<Outcome> ListDeletedAsync(long sgProjectId, string ayonProject, string listId, CancellationToken cancellationToken)
    {
        var playlist = await FindAsync(sgProjectId, ayonProject, listId, cancellationToken);
        if (playlist is null)
        {
            // Never pushed nor synced (a list of something else, or one the push never saw), or retired already.
            return Outcome.Nothing;
        }

        var named = $"Playlist {playlist.Id} '{playlist.GetString("code")}'";
        if (!options.Value.RetireDeleted)
        {
            return new Outcome(0, [$"AYON list {listId} deleted in AYON, {named} kept in ShotGrid (Push:RetireDeleted is off)"]);
        }

        await writer.BatchAsync([SgWrite.Delete(PlaylistReader.EntityType, playlist.Id)], cancellationToken);
        return new Outcome(1, [$"AYON list {listId} deleted in AYON, {named} retired in ShotGrid"]);
    }

    private async Task<SgRecord?> FindAsync(long sgProjectId, string ayonProject, string listId, CancellationToken cancellationToken)
    {
        var playlists = await shotGrid.SearchAllAsync(
            PlaylistReader.EntityType, SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId)), ["code", "sg_ayon_id"], cancellationToken, sort: "id");
        return playlists.FirstOrDefault(p => p.GetString("sg_ayon_id") == listId)
            ?? playlists.FirstOrDefault(p => AyonIds.For(sgOptions.Value.SiteName, ayonProject, $"{PlaylistReader.EntityType}:{p.Id}") == listId);
    }
}
