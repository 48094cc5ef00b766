using System.Collections;
using System.Globalization;
using System.Reflection;
using AyonShotgrid.Contracts.Models;
using Microsoft.Extensions.Configuration;

namespace AyonShotgrid.Grains.Configuration;

/// <summary>
/// Lists the properties of an options object as configuration keys with their effective values, names the
/// configuration provider that supplied each (the last one wins, as in .NET configuration), and masks secrets.
/// </summary>
public static class EffectiveSettings
{
    private static readonly string[] SecretWords = ["ApiKey", "Password", "Secret", "Token"];

    internal static IEnumerable<EffectiveSetting> Describe(string section, object options, IConfiguration configuration)
    {
        var providers = (configuration as IConfigurationRoot)?.Providers.Reverse().ToList() ?? [];
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.CanRead))
        {
            var key = $"{section}:{property.Name}";
            var secret = SecretWords.Any(w => property.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
            var value = Format(property.GetValue(options));
            var shown = secret ? (string.IsNullOrEmpty(value) ? "(not set)" : "(set)") : value;
            yield return new EffectiveSetting(key, shown, SourceOf(key, providers), secret);
        }
    }

    /// <summary>The configuration source that supplies <paramref name="key"/> ("environment", "appsettings.json", the AYON addon settings, …), or "default".</summary>
    public static string SourceOf(string key, IConfiguration configuration) =>
        SourceOf(key, (configuration as IConfigurationRoot)?.Providers.Reverse().ToList() ?? []);

    private static string SourceOf(string key, IReadOnlyList<IConfigurationProvider> providers)
    {
        var provider = providers.FirstOrDefault(p => p.TryGet(key, out _) || p.GetChildKeys([], key).Any());
        return provider is null ? "default" : Name(provider);
    }

    private static string Name(IConfigurationProvider provider)
    {
        var text = provider.ToString() ?? provider.GetType().Name;
        return provider.GetType().Name switch
        {
            "EnvironmentVariablesConfigurationProvider" => "environment",
            "CommandLineConfigurationProvider" => "command line",
            "MemoryConfigurationProvider" => "in-memory",
            "JsonConfigurationProvider" when text.IndexOf('\'') is var start and >= 0 && text.IndexOf('\'', start + 1) is var end and > 0 => text[(start + 1)..end],
            _ => text,
        };
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary d => string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}={Format(d[k])}")),
        IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };
}
