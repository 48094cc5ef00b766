using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// Brings one AYON entity list to a ShotGrid Playlist as just read: label = the playlist's code, items = its linked
/// Versions' AYON versions in playlist order, <c>attrib.description</c> = its description, <c>data.shotgridId</c>/<c>shotgridType</c> = the link back. Reads the list
/// once and writes only what differs (nothing when it matches). Versions not linked yet, or linked to an AYON version
/// that does not exist, are left out and reported; a code another list holds as its label gets the playlist id added.
/// </summary>
public sealed class PlaylistListWriter(IAyonEntityLists lists)
{
    public const string ListEntityType = "version";
    public const string LinkType = "Playlist";

    /// <param name="Unlinked">Versions left out because they are not (yet) in AYON; the grain looks again later while this is above 0.</param>
    public sealed record Outcome(bool Written, int Unlinked, IReadOnlyList<string> Problems);

    public async Task<Outcome> ConvergeAsync(string project, string listId, long playlistId, PlaylistSnapshot playlist, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var unlinked = playlist.Versions.Where(v => v.AyonVersionId is null).Select(v => v.SgVersionId).ToList();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var current = await lists.GetListAsync(project, listId, cancellationToken);

        // A list that had to take the fallback name keeps it: asking for the plain name again would only be refused again.
        var label = current?.Label == Fallback(playlist.Code, playlistId) ? current.Label : playlist.Code;
        var data = new JsonObject { ["shotgridId"] = playlistId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["shotgridType"] = LinkType };
        var written = false;

        // Each refusal names one version or the label; a few rounds at most, one per missing version.
        for (var round = 0; round <= playlist.Versions.Count + 2; round++)
        {
            var items = playlist.Versions.Select(v => v.AyonVersionId).OfType<string>().Where(id => !missing.Contains(id)).ToList();
            var write = await WriteAsync(project, listId, current, label, data, items, playlist.Description, cancellationToken);
            if (write is null)
            {
                break;
            }

            written = true;
            if (write.MissingEntityId is { } gone)
            {
                missing.Add(gone);
            }
            else if (write.LabelTaken && label == playlist.Code)
            {
                label = Fallback(playlist.Code, playlistId);
                problems.Add($"Playlist {playlistId}: another AYON list is called '{playlist.Code}'; this one is '{label}'");
            }
            else if (!write.Done)
            {
                problems.Add($"Playlist {playlistId}: AYON refused the list '{label}'");
                break;
            }

            current = write.Done ? await lists.GetListAsync(project, listId, cancellationToken) : current;
        }

        if (unlinked.Count > 0)
        {
            problems.Add($"Playlist {playlistId} '{playlist.Code}': Versions {string.Join(", ", unlinked)} are not linked to AYON versions yet (left out until they are)");
        }

        foreach (var v in playlist.Versions.Where(v => v.AyonVersionId is { } id && missing.Contains(id)))
        {
            problems.Add($"Playlist {playlistId} '{playlist.Code}': Version {v.SgVersionId} is linked to AYON version {v.AyonVersionId}, which AYON does not have (left out)");
        }

        return new Outcome(written, unlinked.Count + missing.Count, problems);
    }

    private static string Fallback(string code, long playlistId) => $"{code} ({playlistId})";

    /// <summary>One write towards the wanted list, or null when the list already is as wanted.</summary>
    private async Task<AyonListWrite?> WriteAsync(
        string project, string listId, AyonEntityList? current, string label, JsonObject data, IReadOnlyList<string> items, string? description,
        CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return await lists.CreateListAsync(project, new AyonEntityList(listId, label, ListEntityType, data, items, [], description), cancellationToken);
        }

        var linkDiffers = data.Any(d => current.Data[d.Key]?.ToString() != d.Value?.ToString());
        var descriptionDiffers = current.Description != description;
        if (current.Label != label || linkDiffers || descriptionDiffers)
        {
            return await lists.PatchListAsync(
                project, listId, current.Label != label ? label : null, linkDiffers ? data : null, descriptionDiffers ? description ?? "" : null, cancellationToken);
        }

        return current.EntityIds.SequenceEqual(items, StringComparer.Ordinal)
            ? null
            : await lists.SetItemsAsync(project, current, items, cancellationToken);
    }
}
