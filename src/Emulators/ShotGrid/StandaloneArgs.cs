namespace AyonShotgrid.Emulators.ShotGrid;

internal static class StandaloneArgs
{
    /// <summary>The port of <c>--urls http://127.0.0.1:N</c> (first URL), else <paramref name="defaultPort"/>.</summary>
    public static int Port(string[] args, int defaultPort)
    {
        var index = Array.IndexOf(args, "--urls");
        var url = index >= 0 && index + 1 < args.Length ? args[index + 1] : Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        var first = url?.Split(';')[0];
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri.Port : defaultPort;
    }
}
