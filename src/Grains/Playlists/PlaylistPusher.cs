using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// AYON → ShotGrid for one entity list of versions: the Playlist it is linked to (<c>data.shotgridId</c>, else the
/// Playlist whose <c>sg_ayon_id</c> is the list id) gets the list's label as code and its versions, in order, as the
/// ShotGrid Versions linked to them, and the list's description (<c>attrib.description</c>) as its description (<c>Version.sg_ayon_id</c>); with none, a Playlist is created carrying the list id
/// and the list is given the link back. A version with no ShotGrid Version is left out and reported. Writes go as the
/// cluster's script user, whose events the leecher ignores, and the AYON link write carries the cluster's sender, whose
/// events this push ignores: no echo either way.
/// </summary>
public sealed class PlaylistPusher(IShotGridClient shotGrid, IShotGridWriter writer, IAyonEntityLists lists)
{
    public sealed record Outcome(int Created, int Updated, IReadOnlyList<string> Issues)
    {
        public static readonly Outcome Nothing = new(0, 0, []);
    }

    public async Task<Outcome> PushAsync(long sgProjectId, string ayonProject, string listId, CancellationToken cancellationToken)
    {
        var list = await lists.GetListAsync(ayonProject, listId, cancellationToken);
        if (list is null || list.EntityType != PlaylistListWriter.ListEntityType)
        {
            // Deleted since (its deletion event is handled apart: PlaylistRetirements), or a list of something else.
            return Outcome.Nothing;
        }

        var issues = new List<string>();
        var versions = await SgVersionsAsync(list.EntityIds, cancellationToken);
        var unlinked = list.EntityIds.Where(id => !versions.ContainsKey(id)).Distinct().ToList();
        if (unlinked.Count > 0)
        {
            issues.Add($"AYON list '{list.Label}': versions {string.Join(", ", unlinked)} have no ShotGrid Version (left out of the playlist)");
        }

        var wanted = list.EntityIds.Where(versions.ContainsKey).Select(id => versions[id]).Distinct().ToList();
        var playlist = await FindPlaylistAsync(sgProjectId, list, cancellationToken);
        if (playlist is null)
        {
            var created = await writer.BatchAsync([SgWrite.Create(PlaylistReader.EntityType, new JsonObject
            {
                ["project"] = new JsonObject { ["type"] = "Project", ["id"] = sgProjectId },
                ["code"] = list.Label,
                ["versions"] = Links(wanted),
                ["sg_ayon_id"] = list.Id,
                ["description"] = list.Description,
            })], cancellationToken);
            var id = created[0].Id;
            await lists.PatchListAsync(ayonProject, list.Id, null, new JsonObject
            {
                ["shotgridId"] = id.ToString(CultureInfo.InvariantCulture), ["shotgridType"] = PlaylistListWriter.LinkType,
            }, null, cancellationToken);
            return new Outcome(1, 0, issues);
        }

        var change = new JsonObject();
        if (playlist.GetString("code") != list.Label)
        {
            change["code"] = list.Label;
        }

        if (ListDescription.Of(playlist.GetString("description")) != list.Description)
        {
            change["description"] = list.Description;
        }

        if (!playlist.GetLinks("versions").Select(v => v.Id).SequenceEqual(wanted))
        {
            change["versions"] = Links(wanted);
        }

        if (change.Count == 0)
        {
            return new Outcome(0, 0, issues);
        }

        await writer.BatchAsync([SgWrite.Update(PlaylistReader.EntityType, playlist.Id, change)], cancellationToken);
        return new Outcome(0, 1, issues);
    }

    /// <summary>AYON version id → ShotGrid Version id, one query per 500 versions.</summary>
    private async Task<Dictionary<string, long>> SgVersionsAsync(IReadOnlyList<string> ayonIds, CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in ayonIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var found = await shotGrid.SearchAllAsync("Version", SgFilter.And().Where("sg_ayon_id", "in", chunk), ["sg_ayon_id"], cancellationToken, sort: "id");
            foreach (var v in found)
            {
                if (v.GetString("sg_ayon_id") is { } ayonId)
                {
                    map.TryAdd(ayonId, v.Id);
                }
            }
        }

        return map;
    }

    private async Task<SgRecord?> FindPlaylistAsync(long sgProjectId, AyonEntityList list, CancellationToken cancellationToken)
    {
        string[] fields = ["code", "versions", "sg_ayon_id", "description"];
        if (list.Data["shotgridType"]?.ToString() == PlaylistListWriter.LinkType
            && long.TryParse(list.Data["shotgridId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var linked)
            && await shotGrid.FindOneAsync(PlaylistReader.EntityType, linked, fields, cancellationToken) is { } byLink)
        {
            return byLink;
        }

        // A replay after the create whose link write to AYON was lost finds the playlist by the list id it carries.
        var byAyonId = await shotGrid.SearchAllAsync(
            PlaylistReader.EntityType,
            SgFilter.And().Where("project", "is", new SgEntityRef("Project", sgProjectId)).Where("sg_ayon_id", "is", list.Id),
            fields, cancellationToken, sort: "id");
        return byAyonId.Count > 0 ? byAyonId[0] : null;
    }

    private static JsonArray Links(IEnumerable<long> versionIds) =>
        new([.. versionIds.Select(id => (JsonNode)new JsonObject { ["type"] = "Version", ["id"] = id })]);
}
