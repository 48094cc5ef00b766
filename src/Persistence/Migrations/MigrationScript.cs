using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace AyonShotgrid.Persistence;

/// <summary>
/// One numbered SQL script. Its version is the number its file name starts with ("002_clustering.sql" is version 2),
/// and its checksum is taken over the text with LF line endings, so a Windows checkout (CRLF) does not look like an edit.
/// </summary>
internal sealed record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "AyonShotgrid.Persistence.Sql.";

    public static MigrationScript Create(string fileName, string text)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new SchemaMigrationException($"Migration script '{fileName}' must be named '<number>_<description>.sql', for example '005_sync_cursor.sql'.");
        }

        var sql = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new MigrationScript(version, name, sql, checksum);
    }

    /// <summary>The scripts embedded in this assembly (Sql/*.sql), in version order.</summary>
    public static IReadOnlyList<MigrationScript> LoadEmbedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => Create(resource[ResourcePrefix.Length..], ReadResource(assembly, resource)))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new SchemaMigrationException($"Several migration scripts share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new SchemaMigrationException($"Embedded migration script '{resource}' could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
