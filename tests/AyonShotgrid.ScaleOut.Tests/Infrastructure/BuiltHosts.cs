using System.Reflection;

namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>Where the built silo and gateway are (the project references build them; their paths are baked in at build time).</summary>
public static class BuiltHosts
{
    public static string SiloDll => Existing("SiloDll");

    public static string GatewayDll => Existing("GatewayDll");

    public static string RepoRoot => Path.GetFullPath(Metadata("RepoRoot"));

    private static string Existing(string key)
    {
        var path = Path.GetFullPath(Metadata(key));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{key} not found at {path}: build the test project (it builds the hosts first).", path);
    }

    private static string Metadata(string key) =>
        typeof(BuiltHosts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
