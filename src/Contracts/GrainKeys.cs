namespace AyonShotgrid.Contracts;

/// <summary>
/// The one place grain keys are built and parsed. Every key starts with a word and a colon, so no key can
/// look like a hexadecimal number or a GUID: Orleans' ADO.NET storage would otherwise read such a string key as
/// an integer key and let unrelated grains share a row (dotnet/orleans#9706).
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of the grain that owns one ShotGrid project's link, cursor and sync state.</summary>
    public static string Project(string site, long sgProjectId) => $"project:{Normalize(site)}:{sgProjectId}";

    /// <summary>Key of a sync job grain.</summary>
    public static string Job(Guid jobId) => $"job:{jobId:N}";

    /// <summary>Key of the event leecher of one ShotGrid site.</summary>
    public static string Leecher(string site) => $"leecher:{Normalize(site)}";

    /// <summary>Key of the grain that applies events of one ShotGrid entity.</summary>
    public static string Entity(string site, long sgProjectId, string entityType, long entityId) =>
        $"entity:{Normalize(site)}:{sgProjectId}:{entityType}:{entityId}";

    /// <summary>Key of the grain that keeps one ShotGrid Playlist as an AYON entity list.</summary>
    public static string Playlist(string site, long sgProjectId, long playlistId) => $"playlist:{Normalize(site)}:{sgProjectId}:{playlistId}";

    /// <summary>Key of the grain that pushes one project's AYON entity lists to ShotGrid Playlists and owns its cursor.</summary>
    public static string ListPush(string site, long sgProjectId) => $"listpush:{Normalize(site)}:{sgProjectId}";

    /// <summary>Key of the grain that pushes one project's AYON comments to ShotGrid Notes and Replies and owns its cursor.</summary>
    public static string CommentPush(string site, long sgProjectId) => $"commentpush:{Normalize(site)}:{sgProjectId}";

    /// <summary>The ShotGrid project id out of a <see cref="CommentPush"/> key.</summary>
    public static long ParseCommentPushProjectId(string key)
    {
        var last = key.LastIndexOf(':');
        return key.StartsWith("commentpush:", StringComparison.Ordinal) && last > 0 && long.TryParse(key.AsSpan(last + 1), out var id)
            ? id
            : throw new FormatException($"'{key}' is not a comment push grain key.");
    }

    /// <summary>Key of the grain that keeps one ShotGrid Note's or Reply's AYON comments (type "Note" or "Reply").</summary>
    public static string NoteComment(string site, long sgProjectId, string shotgridType, long shotgridId) =>
        $"notecomment:{Normalize(site)}:{sgProjectId}:{shotgridType}:{shotgridId}";

    /// <summary>Site, ShotGrid type and id out of a <see cref="NoteComment"/> key.</summary>
    public static (string Site, string ShotGridType, long ShotGridId) ParseNoteComment(string key)
    {
        var parts = key.Split(':');
        return parts is ["notecomment", var site, _, var type, var id] && long.TryParse(id, out var sgId)
            ? (site, type, sgId)
            : throw new FormatException($"'{key}' is not a note comment grain key.");
    }

    /// <summary>Key of the stateless grain that answers site-wide questions (project lists).</summary>
    public static string Directory(string site) => $"directory:{Normalize(site)}";

    /// <summary>Key of the registry of linked projects of a site.</summary>
    public static string Registry(string site) => $"registry:{Normalize(site)}";

    /// <summary>Key of the index of ShotGrid-linked AYON entities of one project.</summary>
    public static string AyonIndex(string site, long sgProjectId) => $"ayonindex:{Normalize(site)}:{sgProjectId}";

    /// <summary>Key of the grain that pushes one project's AYON changes to ShotGrid and owns its AYON event cursor.</summary>
    public static string Push(string site, long sgProjectId) => $"push:{Normalize(site)}:{sgProjectId}";

    /// <summary>Key of the grain that mirrors one project's applied ShotGrid events into AYON's event log.</summary>
    public static string EventMirror(string site, long sgProjectId) => $"eventmirror:{Normalize(site)}:{sgProjectId}";

    /// <summary>Key of the grain that drives the AYON → ShotGrid pushes of one site.</summary>
    public static string PushFollower(string site) => $"pushfollower:{Normalize(site)}";

    /// <summary>Key of the stateless grain that shows the silo's effective configuration (one per deployment).</summary>
    public static string ConfigurationView() => "configuration:silo";

    /// <summary>Parses the ShotGrid project id out of a project grain key.</summary>
    public static long ParseProjectId(string projectKey)
    {
        var last = projectKey.LastIndexOf(':');
        if (!projectKey.StartsWith("project:", StringComparison.Ordinal) || last < 0
            || !long.TryParse(projectKey.AsSpan(last + 1), out var id))
        {
            throw new FormatException($"'{projectKey}' is not a project grain key.");
        }

        return id;
    }

    /// <summary>Parses the ShotGrid project id out of a push grain key.</summary>
    public static long ParsePushProjectId(string pushKey)
    {
        var last = pushKey.LastIndexOf(':');
        if (!pushKey.StartsWith("push:", StringComparison.Ordinal) || last < 0
            || !long.TryParse(pushKey.AsSpan(last + 1), out var id))
        {
            throw new FormatException($"'{pushKey}' is not a push grain key.");
        }

        return id;
    }

    /// <summary>Parses the ShotGrid project and playlist ids out of a playlist grain key.</summary>
    public static (long SgProjectId, long PlaylistId) ParsePlaylist(string playlistKey)
    {
        var parts = playlistKey.Split(':');
        return parts is ["playlist", _, var project, var playlist] && long.TryParse(project, out var p) && long.TryParse(playlist, out var id)
            ? (p, id)
            : throw new FormatException($"'{playlistKey}' is not a playlist grain key.");
    }

    /// <summary>Parses the ShotGrid project id out of a list push grain key.</summary>
    public static long ParseListPushProjectId(string key)
    {
        var last = key.LastIndexOf(':');
        return key.StartsWith("listpush:", StringComparison.Ordinal) && last > 0 && long.TryParse(key.AsSpan(last + 1), out var id)
            ? id
            : throw new FormatException($"'{key}' is not a list push grain key.");
    }

    /// <summary>Parses the job id out of a job grain key.</summary>
    public static Guid ParseJobId(string jobKey) =>
        jobKey.StartsWith("job:", StringComparison.Ordinal) && Guid.TryParseExact(jobKey.AsSpan(4), "N", out var id)
            ? id
            : throw new FormatException($"'{jobKey}' is not a job grain key.");

    /// <summary>Site names are case-insensitive host names; keys keep them lower case and free of separators.</summary>
    public static string Normalize(string site)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        return site.Trim().ToLowerInvariant().Replace(':', '_');
    }
}
