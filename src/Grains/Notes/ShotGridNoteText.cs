using System.Text.RegularExpressions;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// The ShotGrid text of an AYON comment: markdown links AYON reads as mentions (<c>[label](user:name)</c>,
/// <c>[label](activity:id)</c>, …) become their label (a user as <c>@label</c>), since ShotGrid shows note text as
/// written; mentioned users are returned so that linked ones become the Note's addressees.
/// </summary>
public static partial class ShotGridNoteText
{
    public const int SubjectLength = 80;

    public static (string Text, IReadOnlyList<string> MentionedUsers) FromAyon(string body)
    {
        var users = new List<string>();
        var text = Mention().Replace(body, m =>
        {
            var (label, type, target) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
            if (type == "user")
            {
                users.Add(target);
                return "@" + (label.Length > 0 ? label : target);
            }

            return label.Length > 0 ? label : target;
        });
        return (text.Trim(), users.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>A subject from the first line of the text (ShotGrid lists notes by subject).</summary>
    public static string Subject(string text)
    {
        var first = text.Split('\n', 2)[0].Trim();
        var subject = first.Length > SubjectLength ? first[..(SubjectLength - 1)] + "…" : first;
        return subject.Length == 0 ? "AYON comment" : subject;
    }

    [GeneratedRegex(@"(?<!\!)\[([^\]]*)\]\((activity|user|folder|task|product|version|representation|workfile|team):([^)\s]+)\)")]
    private static partial Regex Mention();
}
