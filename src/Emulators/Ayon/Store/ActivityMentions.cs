using System.Text.RegularExpressions;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Mentions in an activity body as AYON 1.15.18 reads them (<c>ayon_server/activities/utils.py</c>): markdown links
/// <c>[label](type:id)</c>, not images, whose type is one AYON references. Each distinct one counts once.
/// </summary>
internal static partial class ActivityMentions
{
    private static readonly string[] EntityTypes = ["activity", "folder", "task", "product", "version", "representation", "workfile"];

    public static IEnumerable<(string Type, string Id)> EntityMentions(string body) =>
        Link().Matches(body)
            .Select(m => m.Groups[1].Value.Split(':'))
            .Where(parts => parts.Length == 2 && EntityTypes.Contains(parts[0], StringComparer.Ordinal))
            .Select(parts => (parts[0], parts[1]))
            .Distinct();

    [GeneratedRegex(@"(?<!\!)\[(?:.*?)\]\((.*?)\)")]
    private static partial Regex Link();
}
