using System.Text;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>The emulated entity types, looked up by schema name or by the loose slugs ShotGrid accepts in paths.</summary>
internal sealed class SchemaCatalog
{
    private readonly Dictionary<string, EntityDef> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDef> _bySlug = new(StringComparer.Ordinal);

    public SchemaCatalog()
    {
        foreach (var def in SchemaDefinitions.Build())
        {
            _byType[def.Type] = def;
            var snake = ToSnake(def.Type);
            _bySlug[snake] = def;
            _bySlug[def.Slug] = def;
        }
    }

    public IEnumerable<EntityDef> All => _byType.Values;

    /// <summary>Exact CamelCase schema name (the /schema routes and link values are case-sensitive).</summary>
    public EntityDef? ByType(string type) => _byType.GetValueOrDefault(type);

    /// <summary>
    /// A path's type, matched on word boundaries like real ShotGrid: <c>published_files</c>, <c>PublishedFile</c>,
    /// <c>publishedFile</c> and <c>Published_File</c> name PublishedFile, <c>publishedfiles</c> names nothing.
    /// </summary>
    public EntityDef Resolve(string slug) =>
        _bySlug.GetValueOrDefault(ToSnake(slug)) ?? throw ShotGridRequestException.UnknownType(slug);

    public EntityDef Require(string type) =>
        _byType.GetValueOrDefault(type) ?? throw new ArgumentException($"Entity type '{type}' does not exist.", nameof(type));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Slugs = new(StringComparer.Ordinal);

    /// <summary>Cached: every link in every response needs one.</summary>
    public static string ToSlug(string type) => Slugs.GetOrAdd(type, t => Pluralise(ToSnake(t)));

    /// <summary>"PublishedFile" → "Published File": how a generated name spells the type ("New Published File 12").</summary>
    public static string ToWords(string type) =>
        string.Join(' ', ToSnake(type).Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string ToSnake(string type)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < type.Length; i++)
        {
            if (char.IsUpper(type[i]) && i > 0 && type[i - 1] != '_')
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(type[i]));
        }

        return sb.ToString();
    }

    private static string Pluralise(string word) =>
        word.EndsWith("y", StringComparison.OrdinalIgnoreCase) ? word[..^1] + "ies" : word + "s";
}
