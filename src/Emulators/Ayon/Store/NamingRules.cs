using System.Text.RegularExpressions;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The server's regexes (<c>ayon_server/types.py</c>).</summary>
internal static partial class NamingRules
{
    [GeneratedRegex(@"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$")]
    public static partial Regex EntityName();

    [GeneratedRegex(@"^[^';]*$")]
    public static partial Regex Label();

    [GeneratedRegex(@"^[a-zA-Z0-9_]+$")]
    public static partial Regex ProjectName();

    [GeneratedRegex(@"^[a-zA-Z0-9]{2,64}$")]
    public static partial Regex AttributeName();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_\.\*]{2,64}$")]
    public static partial Regex Topic();

    [GeneratedRegex(@"^[0-9a-f]{32}$")]
    public static partial Regex EntityId();

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Postgres prints uuids dashed in constraint messages.</summary>
    public static string Dashed(string id) => Guid.TryParseExact(id, "N", out var g) ? g.ToString("D") : id;
}
