using System.Text;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>The emulated entity types, looked up by schema name or by the loose slugs ShotGrid accepts in paths.</summary>
internal sealed class SchemaCatalog
{
    private readonly Dictionary<string, EntityDef> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDef> _bySlug = new(StringComparer.OrdinalIgnoreCase);

    public SchemaCatalog()
    {
        foreach (var def in SchemaDefinitions.Build())
        {
            _byType[def.Type] = def;
            var snake = ToSnake(def.Type);
            foreach (var alias in new[] { def.Type, Pluralise(def.Type), snake, def.Slug })
            {
                _bySlug[alias] = def;
            }
        }
    }

    public IEnumerable<EntityDef> All => _byType.Values;

    /// <summary>Exact CamelCase schema name (the /schema routes and link values are case-sensitive).</summary>
    public EntityDef? ByType(string type) => _byType.GetValueOrDefault(type);

    public EntityDef Resolve(string slug) =>
        _bySlug.GetValueOrDefault(slug) ?? throw ShotGridRequestException.UnknownType(slug);

    public EntityDef Require(string type) =>
        _byType.GetValueOrDefault(type) ?? throw new ArgumentException($"Entity type '{type}' does not exist.", nameof(type));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Slugs = new(StringComparer.Ordinal);

    /// <summary>Cached: every link in every response needs one.</summary>
    public static string ToSlug(string type) => Slugs.GetOrAdd(type, t => Pluralise(ToSnake(t)));

    private static string ToSnake(string type)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < type.Length; i++)
        {
            if (char.IsUpper(type[i]) && i > 0)
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
