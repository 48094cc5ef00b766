using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>Prepare's part for the push: every ShotGrid type the push writes (and Playlist) gets the text field <c>sg_ayon_id</c> when it lacks it.</summary>
public sealed class ShotGridAyonIdField(IShotGridClient shotGrid, IShotGridWriter writer)
{
    /// <summary>Adds the field where it is missing; returns a line per type it was added to.</summary>
    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        // Playlists too: a list made in AYON becomes a Playlist carrying the list id (Playlists/PlaylistPusher); Notes
        // and Replies made from AYON comments carry the comment's activity id (Notes/CommentPusher).
        foreach (var type in PushTargets.WrittenTypes.Append(Playlists.PlaylistReader.EntityType).Concat(Notes.CommentPusher.WrittenTypes))
        {
            var fields = await shotGrid.GetFieldsAsync(type, cancellationToken);
            if (!fields.ContainsKey(PushTargets.AyonIdField))
            {
                // ShotGrid derives the field name from the display name: "Ayon ID" → sg_ayon_id.
                await writer.CreateFieldAsync(type, "text", "Ayon ID", cancellationToken);
                changes.Add($"added ShotGrid field {type}.{PushTargets.AyonIdField}");
            }
        }

        return changes;
    }
}
