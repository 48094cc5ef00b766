using System.Text;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>The REST path segment of an entity type: snake_case plural (<c>HumanUser</c> → <c>human_users</c>), as ShotGrid's own links spell it.</summary>
internal static class ShotGridSlugs
{
    public static string ForEntityType(string entityType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);

        // Already a slug, or a type like CustomEntity01 whose plural we cannot guess: ShotGrid matches CamelCase names too.
        if (char.IsLower(entityType[0]) || char.IsDigit(entityType[^1]))
        {
            return entityType;
        }

        return Pluralize(ToSnakeCase(entityType));
    }

    private static string ToSnakeCase(string camel)
    {
        var sb = new StringBuilder(camel.Length + 4);
        for (var i = 0; i < camel.Length; i++)
        {
            var c = camel[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static string Pluralize(string word)
    {
        if (word.Length > 1 && word[^1] == 'y' && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
    }
}
