using System.Text.RegularExpressions;

namespace AyonShotgrid.Tests.Deployment;

/// <summary>
/// Just enough of docker-compose.yml for consistency checks: each service's environment entries (including those
/// merged in from an <c>x-</c> anchor via <c>&lt;&lt;: *name</c>) and every <c>${VAR}</c> reference. Line-based on purpose:
/// the file uses only the block forms <c>KEY: value</c> and <c>- KEY=value</c>.
/// </summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(string text, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> environments)
    {
        Text = text;
        Environments = environments;
    }

    public string Text { get; }

    /// <summary>Service (or x- anchor block) name → environment variable → raw value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environments { get; }

    public IReadOnlySet<string> ReferencedVariables =>
        VariableReference().Matches(Text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    public static ComposeFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var anchors = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var environments = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string? service = null;
        Dictionary<string, string>? current = null;
        var blockIndent = -1;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (current is not null && indent <= blockIndent)
            {
                current = null;
            }

            if (indent == 0 && trimmed.StartsWith("x-", StringComparison.Ordinal) && AnchorHeader().Match(trimmed) is { Success: true } anchor)
            {
                current = anchors[anchor.Groups["anchor"].Value] = new Dictionary<string, string>(StringComparer.Ordinal);
                environments[anchor.Groups["name"].Value] = current;
                blockIndent = 0;
                continue;
            }

            if (indent == 2 && trimmed.EndsWith(':'))
            {
                service = trimmed.TrimEnd(':');
                continue;
            }

            if (trimmed == "environment:" && service is not null)
            {
                if (!environments.TryGetValue(service, out current))
                {
                    current = environments[service] = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                blockIndent = indent;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (MergeKey().Match(trimmed) is { Success: true } merge)
            {
                foreach (var (key, value) in anchors[merge.Groups["anchor"].Value])
                {
                    current.TryAdd(key, value);
                }
            }
            else if (ListEntry().Match(trimmed) is { Success: true } listed)
            {
                current[listed.Groups["key"].Value] = listed.Groups["value"].Value;
            }
            else if (MapEntry().Match(trimmed) is { Success: true } mapped)
            {
                current[mapped.Groups["key"].Value] = mapped.Groups["value"].Value.Trim().Trim('"');
            }
        }

        return new ComposeFile(text, environments.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:[:?\-+][^}]*)?\}")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^(?<name>x-[\w-]+):\s*&(?<anchor>[\w-]+)\s*$")]
    private static partial Regex AnchorHeader();

    [GeneratedRegex(@"^<<:\s*\*(?<anchor>[\w-]+)\s*$")]
    private static partial Regex MergeKey();

    [GeneratedRegex(@"^-\s*""?(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^""]*)""?\s*$")]
    private static partial Regex ListEntry();

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*):\s*(?<value>.*)$")]
    private static partial Regex MapEntry();
}
