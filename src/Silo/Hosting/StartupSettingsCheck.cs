using System.Text.RegularExpressions;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>
/// Validates every option set before anything starts (Orleans, grains, timers), and turns a validation failure into an
/// <see cref="UnusableSettingException"/> naming the setting and the configuration source it came from.
/// </summary>
internal static partial class StartupSettingsCheck
{
    public static void Validate(IServiceProvider services, IConfiguration configuration)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new UnusableSettingException(Describe(e, configuration), e);
        }
        catch (AggregateException many) when (many.Flatten().InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } e)
        {
            throw new UnusableSettingException(Describe(e, configuration), many);
        }
    }

    private static string Describe(OptionsValidationException invalid, IConfiguration configuration)
    {
        var section = invalid.OptionsType.GetField("Section")?.GetValue(null) as string ?? invalid.OptionsType.Name;
        var failures = invalid.Failures.Select(f => Failure(f, section)).ToList();
        var first = failures[0];
        var more = failures.Count > 1 ? $" ({failures.Count - 1} more: {string.Join(" ", failures.Skip(1).Select(f => f.Message))})" : "";
        return first.Key is { } key
            ? $"Unusable setting {key} (read from {Source(key, configuration)}): {first.Message}{more}"
            : $"Unusable {section} settings: {first.Message}{more}";
    }

    private static string Source(string key, IConfiguration configuration) => EffectiveSettings.SourceOf(key, configuration) switch
    {
        "default" => "nowhere: not set, so the built-in default",
        "environment" => $"the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}",
        var source => source,
    };

    /// <summary>The setting a failure is about (from DataAnnotations' member list, or a key the message names) and the message itself.</summary>
    private static (string? Key, string Message) Failure(string failure, string section)
    {
        if (DataAnnotationFailure().Match(failure) is { Success: true } m)
        {
            return ($"{section}:{m.Groups["member"].Value.Split(',')[0].Trim()}", m.Groups["error"].Value);
        }

        return (NamedKey().Match(failure) is { Success: true } named ? named.Value : null, failure);
    }

    [GeneratedRegex(@"members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex(@"\b(ShotGrid|Ayon|Sync|Orleans|Gateway):[A-Za-z]+(:[A-Za-z0-9_]+)*")]
    private static partial Regex NamedKey();
}
