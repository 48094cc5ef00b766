namespace AyonShotgrid.Contracts.Models;

/// <summary>
/// A ShotGrid Playlist as just read: its name, its Versions in order with each one's AYON version id (the Version's
/// <c>sg_ayon_id</c>, null while it is not linked) and its own <c>sg_ayon_id</c> (set when the list was made in AYON).
/// <paramref name="Exists"/> is false when the playlist is retired or gone. <paramref name="Description"/>: the
/// playlist's <c>description</c>, null when empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("ayonsg.playlist-snapshot.v1")]
public sealed record PlaylistSnapshot(bool Exists, string Code, IReadOnlyList<PlaylistVersion> Versions, string? AyonListId, string? Description = null);

/// <summary>One Version of a playlist and the AYON version it is linked to (null: not linked yet).</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.playlist-version.v1")]
public sealed record PlaylistVersion(long SgVersionId, string? AyonVersionId);
