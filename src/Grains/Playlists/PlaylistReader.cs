using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// Reads Playlists with their Versions' AYON links: one query for the playlists (by id, or the whole project for the
/// full sync) and one per 500 Versions for their <c>sg_ayon_id</c>, whatever the number of playlists.
/// </summary>
public sealed class PlaylistReader(IShotGridClient shotGrid)
{
    public const string EntityType = "Playlist";
    private static readonly string[] PlaylistFields = ["code", "versions", "sg_ayon_id", "description"];
    private static readonly string[] VersionFields = ["sg_ayon_id"];

    /// <summary>The playlists of these ids (absent ones, retired or deleted, are left out).</summary>
    public Task<IReadOnlyDictionary<long, PlaylistSnapshot>> ReadAsync(long sgProjectId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ReadWhereAsync(SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId)).Where("id", "in", ids.ToArray()), cancellationToken);

    /// <summary>Every live playlist of the project.</summary>
    public Task<IReadOnlyDictionary<long, PlaylistSnapshot>> ReadProjectAsync(long sgProjectId, CancellationToken cancellationToken) =>
        ReadWhereAsync(SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId)), cancellationToken);

    private async Task<IReadOnlyDictionary<long, PlaylistSnapshot>> ReadWhereAsync(SgFilter filter, CancellationToken cancellationToken)
    {
        var playlists = await shotGrid.SearchAllAsync(EntityType, filter, PlaylistFields, cancellationToken, sort: "id");
        var versionIds = playlists.SelectMany(p => p.GetLinks("versions")).Where(v => v.Type == "Version").Select(v => v.Id).Distinct().ToList();
        var links = new Dictionary<long, string?>();
        foreach (var chunk in versionIds.Chunk(500))
        {
            var versions = await shotGrid.SearchAllAsync("Version", SgFilter.And().Where("id", "in", chunk), VersionFields, cancellationToken, sort: "id");
            foreach (var v in versions)
            {
                links[v.Id] = string.IsNullOrWhiteSpace(v.GetString("sg_ayon_id")) ? null : v.GetString("sg_ayon_id");
            }
        }

        return playlists.ToDictionary(
            p => p.Id,
            p => new PlaylistSnapshot(
                true,
                string.IsNullOrWhiteSpace(p.GetString("code")) ? $"playlist_{p.Id}" : p.GetString("code")!,
                p.GetLinks("versions").Where(v => v.Type == "Version" && links.ContainsKey(v.Id)).Select(v => new PlaylistVersion(v.Id, links[v.Id])).ToList(),
                string.IsNullOrWhiteSpace(p.GetString("sg_ayon_id")) ? null : p.GetString("sg_ayon_id"),
                ListDescription.Of(p.GetString("description"))));
    }

    public static readonly PlaylistSnapshot Gone = new(false, "", [], null);
}
