namespace AyonShotgrid.Benchmarks;

/// <summary>The child-process side of <see cref="ClusterHost"/>: silo + gateway from the environment, until stdin closes.</summary>
internal static class ServeCluster
{
    public const string Verb = "serve-cluster";
    public const string ReadyPrefix = "READY ";

    public static async Task<int> RunAsync()
    {
        var settings = new Dictionary<string, string?>();
        await using var hosts = await SyncHosts.StartAsync(settings, CancellationToken.None);
        Console.Out.WriteLine(ReadyPrefix + hosts.GatewayUrl);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
