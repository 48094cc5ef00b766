using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Grains.Options;

namespace AyonShotgrid.Tests.Deployment;

/// <summary>The configuration keys the code reads, as environment variable names (<c>Section__Key</c>).</summary>
internal static class ConfigurationKeys
{
    /// <summary>Keys read directly from IConfiguration rather than through an options class (Silo/Gateway hosting).</summary>
    private static readonly string[] ReadDirectly =
    [
        "ConnectionStrings__Orleans",
        "Persistence__MigrateOnStart",
        "Orleans__ClusterId", "Orleans__ServiceId", "Orleans__SiloPort", "Orleans__GatewayPort", "Orleans__AdvertisedIP",
        "Orleans__MinimumReminderPeriod",
        "Dashboard__Username", "Dashboard__Password", "Dashboard__AllowAnonymous",
        "ASPNETCORE_URLS", "Urls", "AYON_SERVER_URL", "AYON_API_KEY",
    ];

    public static IReadOnlySet<string> Known { get; } = OptionsTypes()
        .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => $"{t.Section}__{p.Name}"))
        .Concat(ReadDirectly)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys a process refuses to start without ([Required] on an option the process validates).</summary>
    public static IReadOnlyList<string> RequiredFor(params Type[] optionsTypes) => OptionsTypes()
        .Where(t => optionsTypes.Contains(t.Type))
        .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null)
            .Select(p => $"{t.Section}__{p.Name}"))
        .ToList();

    private static IEnumerable<(Type Type, string Section)> OptionsTypes() =>
        typeof(SyncOptions).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SyncOptions).Namespace && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Append(typeof(GatewayOptions))
            .Select(t => (t, (string)t.GetField("Section", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!));
}
