namespace AyonShotgrid.Emulators.ShotGrid;

internal static class StandaloneArgs
{
    /// <summary>The address of the first <c>--urls</c> URL: any address for 0.0.0.0, *, + or a host name, loopback otherwise.</summary>
    public static System.Net.IPAddress Address(string[] args)
    {
        var first = FirstUrl(args);
        if (first is null || !Uri.TryCreate(first.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri))
        {
            return System.Net.IPAddress.Loopback;
        }

        return System.Net.IPAddress.TryParse(uri.Host, out var ip) ? ip
            : uri.Host == "localhost" ? System.Net.IPAddress.Loopback
            : System.Net.IPAddress.Any;
    }

    private static string? FirstUrl(string[] args)
    {
        var index = Array.IndexOf(args, "--urls");
        var url = index >= 0 && index + 1 < args.Length ? args[index + 1] : Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        return url?.Split(';')[0];
    }

    /// <summary>The port of <c>--urls http://127.0.0.1:N</c> (first URL), else <paramref name="defaultPort"/>.</summary>
    public static int Port(string[] args, int defaultPort)
    {
        var index = Array.IndexOf(args, "--urls");
        var url = index >= 0 && index + 1 < args.Length ? args[index + 1] : Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        var first = url?.Split(';')[0];
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri.Port : defaultPort;
    }
}
