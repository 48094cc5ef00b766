using System.Text;
using System.Text.RegularExpressions;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// AYON's naming rules (ayon_server/types.py) and how ShotGrid codes are made to fit them.
/// ShotGrid allows any text in codes; AYON names are restricted, labels only refuse <c>'</c> and <c>;</c>.
/// </summary>
public static partial class AyonNames
{
    /// <summary>Longest project name: it becomes the PostgreSQL schema <c>project_&lt;name&gt;</c> (63-byte identifiers).</summary>
    public const int MaxProjectNameLength = 55;

    /// <summary>Folder/task names: letters, digits, _ . - with . and - only inside.</summary>
    public static bool IsValidEntityName(string name) => EntityNameRegex().IsMatch(name);

    public static bool IsValidProjectName(string name) =>
        name.Length is > 0 and <= MaxProjectNameLength && ProjectNameRegex().IsMatch(name);

    /// <summary>Project codes: letters, digits and _, starting with a letter (ayon-shotgrid's frontend requires the letter).</summary>
    public static bool IsValidProjectCode(string code) => ProjectCodeRegex().IsMatch(code);

    public static bool IsValidLabel(string label) => !label.Contains('\'') && !label.Contains(';');

    /// <summary>
    /// The characters that separate words in a slug; every other character that is not an ASCII letter or digit is
    /// dropped. The set of ayon_api.utils.slugify_string, which named the folders of studios coming from ayon-shotgrid.
    /// </summary>
    public const string SlugSeparators = " ,./\\;:!|*^#@~+-_=";

    /// <summary>
    /// Turns text into an AYON name the way ayon_api.utils.slugify_string does: transliterated to ASCII (see
    /// <see cref="Transliteration"/>), split into words at <see cref="SlugSeparators"/>, every other character that is
    /// not a letter or digit dropped, the words joined with <c>_</c>, case kept ("FX &amp; Crowd's" → "FX_Crowds",
    /// "Sh 010 (v2)" → "Sh_010_v2"). Words shorter than <paramref name="minWordLength"/> are left out: with 0 (what
    /// ayon-shotgrid passes for entity codes) two separators in a row keep an empty word ("a - b" → "a___b").
    /// </summary>
    public static string Slugify(string? text, int minWordLength = 1)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            foreach (var ascii in Transliteration.ToAscii(ch) ?? "")
            {
                if (SlugSeparators.Contains(ascii, StringComparison.Ordinal))
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
                else if (char.IsAsciiLetterOrDigit(ascii))
                {
                    word.Append(ascii);
                }
            }
        }

        words.Add(word.ToString());
        return string.Join('_', words.Where(w => w.Length >= minWordLength));
    }

    /// <summary>
    /// Folder name from a ShotGrid code, as ayon-shotgrid names it (empty words kept); falls back to
    /// "<paramref name="fallbackPrefix"/>_<paramref name="id"/>" when the code has no usable character.
    /// </summary>
    public static string EntityName(string? code, string fallbackPrefix, long id)
    {
        // A code of separators only would make a name of underscores only ("___"): the fallback tells such entities apart.
        var slug = Slugify(code, minWordLength: 0);
        return slug.Any(char.IsAsciiLetterOrDigit) ? slug : $"{fallbackPrefix.ToLowerInvariant()}_{id}";
    }

    /// <summary>Task name from a ShotGrid task's content, as ayon-shotgrid names it (empty words left out).</summary>
    public static string TaskName(string? content, string fallbackPrefix, long id)
    {
        var slug = Slugify(content);
        return slug.Length > 0 ? slug : $"{fallbackPrefix.ToLowerInvariant()}_{id}";
    }

    /// <summary>Asset category folder name from a ShotGrid asset type, as ayon-shotgrid names it: slugified, lower case.</summary>
    public static string CategoryName(string assetType)
    {
        var slug = Slugify(assetType).ToLowerInvariant();
        return slug.Length > 0 ? slug : "category_0";
    }

    /// <summary>Project name from the ShotGrid project name; null note when the name was usable as it is.</summary>
    public static (string Name, string? Note) ProjectName(string sgName, long sgProjectId)
    {
        if (IsValidProjectName(sgName))
        {
            return (sgName, null);
        }

        var slug = Slugify(sgName);
        if (slug.Length > MaxProjectNameLength)
        {
            slug = slug[..MaxProjectNameLength].TrimEnd('_');
        }

        if (slug.Length == 0)
        {
            slug = $"sg_project_{sgProjectId}";
        }

        return (slug, $"ShotGrid project name '{sgName}' is not a valid AYON project name (letters, digits and _ only, at most {MaxProjectNameLength} characters); using '{slug}'.");
    }

    /// <summary>Project code from the configured ShotGrid field, derived from the name when that is empty or unusable.</summary>
    public static (string Code, string? Note) ProjectCode(string? sgCode, string projectName, string codeField)
    {
        if (!string.IsNullOrWhiteSpace(sgCode) && IsValidProjectCode(sgCode))
        {
            return (sgCode, null);
        }

        var candidate = Slugify(sgCode);
        if (candidate.Length == 0 || !char.IsAsciiLetter(candidate[0]))
        {
            candidate = Slugify(projectName);
        }

        if (candidate.Length == 0 || !char.IsAsciiLetter(candidate[0]))
        {
            candidate = "p" + candidate;
        }

        var note = string.IsNullOrWhiteSpace(sgCode)
            ? $"ShotGrid field '{codeField}' is empty; using project code '{candidate}'."
            : $"ShotGrid project code '{sgCode}' is not a valid AYON code; using '{candidate}'.";
        return (candidate, note);
    }

    /// <summary>
    /// A label AYON accepts: <c>'</c> becomes the typographic apostrophe ’ and <c>;</c> becomes <c>,</c>,
    /// so "Bob's shot" stays readable instead of being refused with a 400.
    /// </summary>
    public static string Label(string text) => text.Replace('\'', '\u2019').Replace(';', ',');

    [GeneratedRegex("^[a-zA-Z0-9_]([a-zA-Z0-9_.\\-]*[a-zA-Z0-9_])?$")]
    private static partial Regex EntityNameRegex();

    [GeneratedRegex("^[a-zA-Z0-9_]+$")]
    private static partial Regex ProjectNameRegex();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]*$")]
    private static partial Regex ProjectCodeRegex();
}
