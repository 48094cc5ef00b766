using System.Text;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// The markdown of an AYON comment made from a ShotGrid Note or Reply. AYON reads <c>[label](user:name)</c> as a mention
/// (<c>ayon_server/activities/utils.py</c>), so addressees linked to AYON users are mentioned and notified; others are
/// named. An author with no linked AYON user is named under the text (the service user writes the comment).
/// Attachments are listed by name with a link to ShotGrid's file. AYON refuses bodies over 2,000 characters: the text
/// is shortened to fit, never the lines that say who and what.
/// </summary>
public static class CommentBody
{
    public const int MaxLength = 2000;

    public static string ForNote(ShotGridNote note, IReadOnlyDictionary<long, string> users, string siteUrl) =>
        Compose(string.IsNullOrWhiteSpace(note.Subject) ? null : $"**{Escape(note.Subject!)}**", note.Content, note.Author, users,
            Addressees(note.Addressees, users), Attachments(note.Attachments, siteUrl));

    public static string ForReply(ShotGridReply reply, ShotGridNote note, IReadOnlyDictionary<long, string> users) =>
        Compose($"↪ Reply to **{Escape(string.IsNullOrWhiteSpace(note.Subject) ? $"note {note.Id}" : note.Subject!)}**", reply.Content, reply.Author, users, null, null);

    /// <summary>The AYON user who wrote it, when the ShotGrid author is a HumanUser linked by <c>data.sg_user_id</c>.</summary>
    public static string? AuthorOf(SgEntityRef? author, IReadOnlyDictionary<long, string> users) =>
        author is { Type: "HumanUser" } && users.TryGetValue(author.Id, out var name) ? name : null;

    private static string Compose(string? heading, string text, SgEntityRef? author, IReadOnlyDictionary<long, string> users, string? to, string? files)
    {
        var tail = new StringBuilder();
        if (AuthorOf(author, users) is null && author is not null)
        {
            tail.Append("\n\n— ").Append(Escape(author.Name ?? $"{author.Type} {author.Id}")).Append(" (ShotGrid)");
        }

        if (to is not null)
        {
            tail.Append("\n\nTo: ").Append(to);
        }

        if (files is not null)
        {
            tail.Append("\n\nAttachments: ").Append(files);
        }

        var head = heading is null ? "" : heading + "\n\n";
        var room = MaxLength - head.Length - tail.Length;
        var body = text.Trim();
        if (body.Length > room)
        {
            body = room > 1 ? body[..(room - 1)] + "…" : "";
        }

        var all = head + body + tail;
        return all.Length <= MaxLength ? all : all[..MaxLength];
    }

    private static string? Addressees(IReadOnlyList<SgEntityRef> to, IReadOnlyDictionary<long, string> users) => to.Count == 0
        ? null
        : string.Join(", ", to.Select(a => a.Type == "HumanUser" && users.TryGetValue(a.Id, out var name)
            ? $"[{Escape(a.Name ?? name)}](user:{name})"
            : Escape(a.Name ?? $"{a.Type} {a.Id}")));

    private static string? Attachments(IReadOnlyList<SgEntityRef> files, string siteUrl) => files.Count == 0
        ? null
        : string.Join(", ", files.Select(f => $"[{Escape(f.Name ?? $"attachment {f.Id}")}]({siteUrl.TrimEnd('/')}/file_serve/attachment/{f.Id})"));

    /// <summary>Square brackets would make a name into a link label.</summary>
    private static string Escape(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
